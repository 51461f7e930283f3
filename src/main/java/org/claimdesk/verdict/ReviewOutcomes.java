package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/** What came back from review to the people working a case ("My cases"). */
@ApplicationScoped
@Transactional
public class ReviewOutcomes {
  static final int LONGEST_LIST = 100;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;

  /** A verdict the reviewer sent back, with the reason they gave. */
  public record SentBack(long caseId, String title, String reason, String reviewer, Instant at)
      implements Serializable {}

  /**
   * The caller's cases whose verdict was sent back and not yet submitted again (the send-back
   * belongs to the current review round and the case is in research), the latest first. One query.
   */
  public List<SentBack> sentBackToMe(int limit) {
    caller.require(Role.values());
    if (limit < 1 || limit > LONGEST_LIST) {
      throw new IllegalArgumentException("limit must be between 1 and " + LONGEST_LIST + ".");
    }
    return em.createNamedQuery("ReviewEntry.sentBackTo", Object[].class)
        .setParameter("me", caller.username())
        .setParameter("researching", CaseStatus.IN_RESEARCH)
        .setParameter("sentBack", ReviewEntry.Kind.SENT_BACK)
        .setMaxResults(limit)
        .getResultStream()
        .map(
            row ->
                new SentBack(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (Instant) row[4]))
        .toList();
  }
}
