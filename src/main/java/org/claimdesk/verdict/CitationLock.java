package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.evidence.CitedEvidence;

/**
 * The evidence rule: from submission to publication, and while published, the items the verdict
 * cites are locked. To change one, a supervisor sends the verdict back to research or opens a
 * correction; both go through review again. (Withdrawing approvals on every edit was the other
 * choice: a lock is simpler to explain and nothing is silently undone.)
 */
@ApplicationScoped
public class CitationLock implements CitedEvidence {
  static final Set<CaseStatus> HOLDING =
      EnumSet.of(CaseStatus.IN_REVIEW, CaseStatus.APPROVED, CaseStatus.PUBLISHED);

  @PersistenceContext EntityManager em;

  @Override
  public Set<String> locked(long caseId) {
    return em.createNamedQuery("Verdict.ofCase", Verdict.class)
        .setParameter("case", caseId)
        .getResultStream()
        .findFirst()
        .filter(v -> HOLDING.contains(v.caseOf().status()))
        .<Set<String>>map(v -> new TreeSet<>(Citations.in(v.explanation())))
        .orElse(Set.of());
  }
}
