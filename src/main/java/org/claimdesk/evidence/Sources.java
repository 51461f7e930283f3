package org.claimdesk.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleChanged;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.casework.Case;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.NotFound;

/**
 * The source registry. One record per name; the outlet of every imported article is registered as a
 * news outlet the moment the article is archived.
 */
@ApplicationScoped
@Transactional
public class Sources {
  static final Role[] DESK = {Role.FACT_CHECKER, Role.SUPERVISOR};
  static final int MOST_LISTED = 500;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  public Source register(Source.Profile profile) {
    caller.require(DESK);
    refuseKnown(profile.name(), null);
    Source s = new Source(profile, caller.username(), clock.instant());
    em.persist(s);
    recordRegistered(s, null);
    return s;
  }

  /**
   * A source is shared: renaming it or changing its reliability changes every case that cites it.
   * Supervisors change any source; a fact-checker only one that no case outside their own uses.
   * Published fact-checks keep the source as it was when they were approved either way.
   */
  public Source change(long id, long expectedVersion, Source.Profile profile) {
    caller.require(DESK);
    Source s = find(id);
    if (!caller.has(Role.SUPERVISOR)) {
      List<Long> others =
          casesUsing(id).stream()
              .filter(c -> !c.assignees().contains(caller.username()))
              .map(Case::id)
              .toList();
      if (!others.isEmpty()) {
        throw caller.refuse(
            "source " + id,
            Message.of(
                "refusal.source.usedElsewhere",
                others.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "))));
      }
    }
    s.requireVersion(expectedVersion);
    refuseKnown(profile.name(), s.id());
    Source.Profile before = s.profile();
    s.describe(profile);
    Source.Profile after = s.profile();
    Change change =
        Change.of("source.edited", s)
            .field("name", before.name(), after.name())
            .field("kind", before.kind().name(), after.kind().name())
            .field("url", before.url(), after.url())
            .field("reliability", before.reliability().name(), after.reliability().name())
            .field("reliabilityNote", before.reliabilityNote(), after.reliabilityNote())
            .field("confidential", before.confidential(), after.confidential());
    if (!change.changedNothing()) {
      audit.record(change);
    }
    return s;
  }

  public Source find(long id) {
    caller.require(Role.values());
    Source s = em.find(Source.class, id);
    if (s == null) {
      throw new NotFound("refusal.source.unknown", id);
    }
    return s;
  }

  /** Sources whose name starts with {@code prefix} (all when blank), by name; at most 500. */
  public List<Source> list(String prefix) {
    caller.require(Role.values());
    String key = Source.key(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return em.createNamedQuery("Source.matching", Source.class)
        .setParameter("key", key + "%")
        .setMaxResults(MOST_LISTED)
        .getResultList();
  }

  /** Every case with evidence from this source, newest first. */
  public List<Case> casesUsing(long sourceId) {
    caller.require(Role.values());
    return em.createNamedQuery("Evidence.casesUsingSource", Case.class)
        .setParameter("source", sourceId)
        .getResultList();
  }

  public Optional<Source> named(String name) {
    return em.createNamedQuery("Source.byNameKey", Source.class)
        .setParameter("key", Source.key(name))
        .getResultStream()
        .findFirst();
  }

  /** An imported (or re-described) article's outlet is a source: registered if it is new. */
  void outletOf(@Observes ArticleChanged changed) {
    Article article = em.find(Article.class, changed.articleId());
    if (article != null) {
      article.outlet().ifPresent(outlet -> registerOutlet(outlet, article.id()));
    }
  }

  /**
   * At start-up: the outlets of articles archived before the registry existed; returns how many it
   * registered.
   */
  public int registerMissingOutlets() {
    int registered = 0;
    for (Object[] row :
        em.createNamedQuery("Article.firstOfEachOutlet", Object[].class).getResultList()) {
      if (registerOutlet((String) row[0], (Long) row[1])) {
        registered++;
      }
    }
    return registered;
  }

  private boolean registerOutlet(String outlet, long articleId) {
    if (outlet.isBlank() || named(outlet).isPresent()) {
      return false;
    }
    Source s =
        new Source(
            new Source.Profile(outlet, SourceKind.NEWS_OUTLET, null, null, null, false),
            caller.authenticated() ? caller.username() : AuditTrail.SYSTEM,
            clock.instant());
    em.persist(s);
    recordRegistered(s, "outlet of article " + articleId);
    em.flush(); // the next outlet of the same name finds this one
    return true;
  }

  private void recordRegistered(Source s, String reason) {
    Change change =
        Change.of("source.registered", s)
            .set("name", s.name())
            .set("kind", s.kind().name())
            .set("url", s.url().orElse(null))
            .set("reliability", s.reliability().name())
            .set("reliabilityNote", s.reliabilityNote().orElse(null))
            .set("confidential", s.confidential());
    audit.record(reason == null ? change : change.because(reason));
  }

  private void refuseKnown(String name, Long self) {
    named(name == null ? "" : name)
        .filter(known -> !known.id().equals(self))
        .ifPresent(
            known -> {
              throw new Duplicate(
                  Message.of("refusal.source.duplicate", known.name()),
                  "/api/sources/" + known.id());
            });
  }
}
