package org.claimdesk.verdict;

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
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.NotFound;

/**
 * The rating scales: every version, the one new verdicts use, and the two changes a scale allows (a
 * new rating, retirement). Administrators change scales; everyone on the desk reads them.
 */
@ApplicationScoped
@Transactional
public class RatingScales {
  /** The scale migration V10 installs: the German fact-check scale with English labels. */
  static final String DESK_SCALE = "ClaimDesk";

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  public List<RatingScale> all() {
    caller.require(Role.values());
    return em.createNamedQuery("RatingScale.all", RatingScale.class).getResultList();
  }

  public RatingScale find(long id) {
    caller.require(Role.values());
    return found(id);
  }

  /** The version new verdicts use: the newest version of the desk's scale that is not retired. */
  public RatingScale current() {
    caller.require(Role.values());
    return em.createNamedQuery("RatingScale.all", RatingScale.class).getResultList().stream()
        .filter(s -> s.name().equals(DESK_SCALE) && !s.retired())
        .reduce((older, newer) -> newer)
        .orElseThrow(() -> new Conflict("refusal.scale.allRetired"));
  }

  /** A new version with one more rating; the extended version is retired at the same moment. */
  public RatingScale extend(long scaleId, long expectedVersion, Rating added, int position) {
    caller.require(Role.ADMIN);
    RatingScale old = found(scaleId);
    old.requireVersion(expectedVersion);
    RatingScale next = old.extendedBy(added, position, caller.username(), clock.instant());
    em.persist(next);
    // each event flushes its own entity: the new version first, then the retired one
    audit.record(
        Change.of("scale.extended", next)
            .set("name", next.name())
            .set("number", next.number())
            .set("extends", old.id())
            .set("rating", added.code())
            .set("labels", added.labelDe() + " / " + added.labelEn())
            .set("ratingValue", added.ratingValue().orElse(null)));
    old.retire(clock.instant());
    audit.record(Change.of("scale.retired", old).set("replacedBy", next.id()));
    return next;
  }

  /** No new verdicts on this version; verdicts written with it keep it. */
  public RatingScale retire(long scaleId, long expectedVersion) {
    caller.require(Role.ADMIN);
    RatingScale s = found(scaleId);
    s.requireVersion(expectedVersion);
    if (s.retired()) {
      throw new Conflict("refusal.scale.retired", s.number(), s.name());
    }
    s.retire(clock.instant());
    audit.record(Change.of("scale.retired", s));
    return s;
  }

  private RatingScale found(long id) {
    RatingScale s = em.find(RatingScale.class, id);
    if (s == null) {
      throw new NotFound("refusal.scale.unknown", id);
    }
    return s;
  }
}
