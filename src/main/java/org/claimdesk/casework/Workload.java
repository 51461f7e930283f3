package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/**
 * How much work the desk has: cases per status, overdue cases, each person's open cases. Counted by
 * the database (GROUP BY), never by loading cases: two queries, each one pass over the cases
 * (benchmarks.md, "The dashboard at 100,000 cases").
 */
@ApplicationScoped
@Transactional
public class Workload {
  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Accounts accounts;

  /** Cases per status (every status in workflow order, zero included) and the overdue ones. */
  public record Tally(Map<CaseStatus, Long> byStatus, long overdue) {}

  /** The open cases one person works (not published, not dismissed) and how many are overdue. */
  public record PersonLoad(String username, long open, long overdue) {}

  /** Someone a supervisor may put on a case, with the load they carry now. */
  public record Assignee(String username, String name, long open, long overdue)
      implements Serializable {}

  /**
   * Everyone who may work cases (active fact-checkers and supervisors), by name, each with their
   * open and overdue cases: for choosing an assignee. The counts are one grouped query ({@link
   * #perPerson}), whatever the number of people.
   */
  public List<Assignee> assignees() {
    caller.require(Role.SUPERVISOR);
    Map<String, PersonLoad> loads = new HashMap<>();
    perPerson().forEach(p -> loads.put(p.username(), p));
    Map<String, String> names = accounts.displayNames();
    return accounts.activeWith(EnumSet.of(Role.FACT_CHECKER, Role.SUPERVISOR)).stream()
        .map(
            u -> {
              PersonLoad load = loads.getOrDefault(u, new PersonLoad(u, 0, 0));
              String name = names.getOrDefault(u, u);
              return new Assignee(
                  u, name == null || name.isBlank() ? u : name, load.open(), load.overdue());
            })
        .sorted(
            Comparator.comparing((Assignee a) -> a.name().toLowerCase(Locale.ROOT))
                .thenComparing(Assignee::username))
        .toList();
  }

  /** Overdue as in the Overdue queue: due before today, in a status that still owes work. */
  public Tally tally() {
    caller.require(Role.values());
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      counts.put(s, 0L);
    }
    long overdue = 0;
    // one pass for both: a separate overdue count cost H2 more than the status counts
    for (Object[] row :
        em.createNamedQuery("Case.tallyByStatus", Object[].class)
            .setParameter("today", LocalDate.now(clock))
            .getResultList()) {
      CaseStatus status = (CaseStatus) row[0];
      counts.put(status, ((Number) row[1]).longValue());
      if (status.open()) {
        overdue += ((Number) row[2]).longValue();
      }
    }
    return new Tally(counts, overdue);
  }

  /** Everyone who works open cases, the busiest first. */
  public List<PersonLoad> perPerson() {
    caller.require(Role.values());
    // closed cases are filtered in the query: grouping them too and dropping them here cost more
    return em.createNamedQuery("Case.openPerAssignee", Object[].class)
        .setParameter("today", LocalDate.now(clock))
        .setParameter("done", CaseQueue.DONE)
        .getResultStream()
        .map(
            row ->
                new PersonLoad(
                    (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
        .sorted(
            Comparator.comparingLong(PersonLoad::open)
                .reversed()
                .thenComparing(PersonLoad::username))
        .toList();
  }
}
