package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/**
 * The desk's queues, newest first, paged by key ({@code before} = the last id of the previous page)
 * so that a page turn costs the same at case 100 as at case 100,000.
 */
@ApplicationScoped
@Transactional
public class CaseQueue {
  static final int LONGEST_PAGE = 200;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;

  /** Which cases: every field null means "any". */
  public record Filter(
      String assignee, Boolean unassigned, Boolean overdue, CaseStatus status, Priority priority) {
    public static final Filter ALL = new Filter(null, null, null, null, null);
  }

  public List<Case> newestFirst(Filter filter, Long before, int limit) {
    caller.require(Role.values());
    if (limit < 1 || limit > LONGEST_PAGE) {
      throw new IllegalArgumentException("limit must be between 1 and " + LONGEST_PAGE + ".");
    }
    List<String> where = new ArrayList<>();
    if (filter.assignee() != null && !filter.assignee().isBlank()) {
      where.add(":assignee MEMBER OF c.assignees");
    }
    if (Boolean.TRUE.equals(filter.unassigned())) {
      where.add("c.assignees IS EMPTY");
    }
    if (Boolean.TRUE.equals(filter.overdue())) {
      where.add("c.dueOn < :today AND c.status <> :closed");
    }
    if (filter.status() != null) {
      where.add("c.status = :status");
    }
    if (filter.priority() != null) {
      where.add("c.priority = :priority");
    }
    if (before != null) {
      where.add("c.id < :before");
    }
    String jpql =
        "SELECT c FROM Case c"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY c.id DESC";
    TypedQuery<Case> query = em.createQuery(jpql, Case.class).setMaxResults(limit);
    if (jpql.contains(":assignee")) {
      query.setParameter("assignee", filter.assignee().strip());
    }
    if (jpql.contains(":today")) {
      query.setParameter("today", LocalDate.now(clock)).setParameter("closed", CaseStatus.CLOSED);
    }
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.priority() != null) {
      query.setParameter("priority", filter.priority());
    }
    if (before != null) {
      query.setParameter("before", before);
    }
    return query.getResultList();
  }
}
