package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.NotFound;

/** The archive of received articles: what every role may read, and how articles get in. */
@ApplicationScoped
@Transactional
public class ArticleArchive {
  static final int LONGEST_PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject jakarta.enterprise.event.Event<ArticleChanged> changed;

  public List<Article> newestFirst(int offset, int limit) {
    caller.require(Role.values());
    if (offset < 0 || limit < 1 || limit > LONGEST_PAGE) {
      throw new InvalidInput("refusal.page.offsetLimit", LONGEST_PAGE);
    }
    return em.createNamedQuery("Article.newestFirst", Article.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public Article find(long id) {
    caller.require(Role.values());
    Article article = em.find(Article.class, id);
    if (article == null) {
      throw new NotFound("refusal.article.unknown", id);
    }
    return article;
  }

  public long count() {
    caller.require(Role.values());
    return em.createNamedQuery("Article.count", Long.class).getSingleResult();
  }

  /** Replaces the metadata; each changed field is audited with before and after. */
  public Article edit(long id, long expectedVersion, Article.Metadata metadata) {
    caller.require(ArticleImport.IMPORTERS);
    Article article = current(id, expectedVersion);
    Article.Metadata before = article.metadata();
    article.apply(metadata);
    Article.Metadata after = article.metadata();
    Change change =
        Change.of("article.edited", article)
            .field("title", before.title(), after.title())
            .field("outlet", before.outlet(), after.outlet())
            .field("url", before.url(), after.url())
            .field("author", before.author(), after.author())
            .field("publishedOn", before.publishedOn(), after.publishedOn())
            .field("language", before.language(), after.language());
    if (!change.changedNothing()) {
      audit.record(change);
      changed.fire(new ArticleChanged(id));
    }
    return article;
  }

  /**
   * Corrects the reading text as a new revision. Claims keep pointing into the revision they quote;
   * the new one becomes what people read.
   */
  public ArticleRevision correctText(long id, long expectedVersion, String text, String note) {
    caller.require(ArticleImport.IMPORTERS);
    Article article = current(id, expectedVersion);
    int before = article.current().number();
    String clean = text == null ? null : text.replace("\r\n", "\n");
    ArticleRevision revision =
        article.revise(clean, List.of(), caller.username(), clock.instant(), note);
    audit.record(
        Change.of("article.text-corrected", article)
            .field("revision", before, revision.number())
            .set("characters", revision.text().length())
            .because(note));
    changed.fire(new ArticleChanged(id));
    return revision;
  }

  /** Puts a part that cleaning removed back into the text, as a new revision. */
  public ArticleRevision restore(long id, long expectedVersion, int removedIndex) {
    caller.require(ArticleImport.IMPORTERS);
    Article article = current(id, expectedVersion);
    ArticleRevision.Restored restored = article.current().restoring(removedIndex);
    int before = article.current().number();
    ArticleRevision revision =
        article.revise(
            restored.text(),
            restored.removed(),
            caller.username(),
            clock.instant(),
            "restored: " + restored.part().reason());
    audit.record(
        Change.of("article.part-restored", article)
            .field("revision", before, revision.number())
            .set("reason", restored.part().reason().name())
            .set("restored", restored.part().text()));
    changed.fire(new ArticleChanged(id));
    return revision;
  }

  private Article current(long id, long expectedVersion) {
    Article article = find(id);
    article.requireVersion(expectedVersion);
    return article;
  }
}
