package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.platform.Sha256;

/**
 * Verdicts published or approved before ClaimDesk froze publications (V11) get their snapshots at
 * the first start after the upgrade, from the data as it stands then: the best record there is of
 * what was public. Each is audited, saying so; later starts find nothing to do.
 */
@ApplicationScoped
@Transactional
public class PublicationUpgrade {
  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject FactChecks factChecks;
  @Inject Verdicts verdicts;

  /** Returns how many verdicts it froze. */
  public int freezeEarlierVerdicts() {
    int frozen = 0;
    for (Verdict v :
        em.createQuery(
                "SELECT v FROM Verdict v WHERE (v.publishedRevision IS NOT NULL AND NOT EXISTS"
                    + " (SELECT p FROM Publication p WHERE p.verdict = v))"
                    + " OR (v.caseRef.status = :approved AND v.approvedSnapshot IS NULL)",
                Verdict.class)
            .setParameter("approved", CaseStatus.APPROVED)
            .getResultList()) {
      freeze(v);
      frozen++;
    }
    return frozen;
  }

  private void freeze(Verdict v) {
    long caseId = v.caseOf().id();
    boolean approved = v.caseOf().status() == CaseStatus.APPROVED;
    // approving changes the verdict itself; a publication only adds rows
    Change change =
        (approved
                ? Change.of("verdict.snapshots-frozen", v)
                : Change.about("verdict.snapshots-frozen", "verdict", String.valueOf(v.id())))
            .inCase(caseId)
            .because(
                "Approved or published before ClaimDesk froze what the public reads: frozen at"
                    + " the upgrade from the claim, evidence and sources as they stood then.");
    if (v.publishedRevision().isPresent()) {
      List<Correction> corrections =
          em.createNamedQuery("Correction.ofVerdict", Correction.class)
              .setParameter("verdict", v.id())
              .getResultList();
      // version n was replaced by the n-th correction; the last is the current one
      List<Integer> revisions = new ArrayList<>();
      List<Instant> times = new ArrayList<>();
      revisions.add(
          corrections.isEmpty()
              ? v.publishedRevision().get()
              : corrections.get(0).previousRevision());
      times.add(v.firstPublishedAt().orElseThrow());
      for (Correction c : corrections) {
        revisions.add(c.revision());
        times.add(c.publishedAt());
      }
      for (int i = 0; i < revisions.size(); i++) {
        Snapshot s =
            factChecks.freeze(
                v, verdicts.version(v, revisions.get(i)), v.plannedSlug().orElseThrow());
        em.persist(new Publication(v, i + 1, s.toJson(), AuditTrail.SYSTEM, times.get(i)));
      }
      change.set("publications", revisions.size());
    }
    if (approved) {
      String slug = v.plannedSlug().orElseGet(() -> Slugs.of(v.claimReviewed(), caseId));
      Snapshot s = factChecks.freeze(v, verdicts.version(v, v.revision()), slug);
      v.approved(slug, s);
      change.set("snapshot", Sha256.hex(s.toJson()));
    }
    audit.record(change);
  }
}
