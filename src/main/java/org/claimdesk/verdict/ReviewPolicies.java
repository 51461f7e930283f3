package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/** The desk's review policy: read by everyone on the desk, changed by administrators. */
@ApplicationScoped
@Transactional
public class ReviewPolicies {
  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject AuditTrail audit;

  public ReviewPolicy current() {
    return em.find(ReviewPolicy.class, ReviewPolicy.DESK);
  }

  public ReviewPolicy change(long expectedVersion, int quorum, boolean blindCrossCheck) {
    caller.require(Role.ADMIN);
    ReviewPolicy p = current();
    p.requireVersion(expectedVersion);
    int quorumBefore = p.quorum();
    boolean blindBefore = p.blindCrossCheck();
    p.change(quorum, blindCrossCheck);
    Change change =
        Change.of("review-policy.changed", p)
            .field("quorum", quorumBefore, p.quorum())
            .field("blindCrossCheck", blindBefore, p.blindCrossCheck());
    if (!change.changedNothing()) {
      audit.record(change);
    }
    return p;
  }
}
