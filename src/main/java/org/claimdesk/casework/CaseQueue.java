package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.InvalidInput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The desk's queues: cases filtered, sorted and paged on the database, and the claims still waiting
 * for a case (the team queue's other half).
 *
 * <p>Nothing here counts a whole filtered table. The API and exports page by key ({@link
 * QueueCursor}: the sort value and id of the last row seen), which costs the same at case 100 as at
 * case 100,000. The UI's paginator needs an offset and a total; it gets the offset and {@link
 * #countAhead}, which counts at most {@link #COUNT_AHEAD} rows past the current page ("1,000+"), so
 * a page turn costs at most about as much as the offset itself. Every sort has an index that ends
 * with the id (V9).
 */
@ApplicationScoped
@Transactional
public class CaseQueue {
  static final int LONGEST_PAGE = 500;
  // no work is owed on these, so they are never overdue (CaseStatus.open)
  static final List<CaseStatus> DONE =
      Arrays.stream(CaseStatus.values()).filter(s -> !s.open()).toList();

  // A person's cases from their assignments alone. "My cases" as it opens walks them newest first
  // (V13); ?2 to ?4 the cursor, the key's k ≥ v first so that the walk starts there (as
  // QueueOrder.after). The order names the username too: only then does H2 take the index's order
  // instead of sorting all the person's rows.
  static final String PERSONS_CASES = "SELECT case_id FROM case_assignee WHERE username = ?1";
  static final String PERSONS_NEWEST_AFTER =
      " AND opened_at <= ?2 AND (opened_at < ?3 OR case_id < ?4)";
  static final String PERSONS_NEWEST_PAGE =
      " ORDER BY username, opened_at DESC, case_id DESC LIMIT ?5 OFFSET ?6";

  /** How far past the current page the UI counts: "1,000+" rather than a full COUNT. */
  public static final int COUNT_AHEAD = 1000;

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * How many rows of a queue a page of one person's cases reads before it joins from the person's
   * side instead ({@link Query#cases}).
   */
  @Inject
  @ConfigProperty(name = "claimdesk.queue.person-window", defaultValue = "5000")
  int personWindow;

  /** At least {@code rows} cases match; {@code more} when counting stopped before the end. */
  public record Count(int rows, boolean more) implements java.io.Serializable {}

  /** A claim captured but without a case yet, as the team queue lists it. */
  public record Unopened(
      long claimId,
      String statement,
      String claimant,
      Instant capturedAt,
      String capturedBy,
      int appearances)
      implements Serializable {}

  // newest first; NOT EXISTS walks fact_case_claim, one probe per claim the page passes
  private static final String UNOPENED =
      "SELECT cl.id, cl.statement, cm.name, cl.createdAt, cl.createdBy, cl.appearanceCount"
          + " FROM Claim cl LEFT JOIN cl.claimant cm"
          + " WHERE NOT EXISTS (SELECT k.id FROM Case k WHERE k.claim = cl)";

  /**
   * The claims nobody has opened a case for (the team queue's other half), newest first: {@code
   * offset} rows in (the UI's paginator) or after the claim {@code afterClaim} (the API's key
   * paging; null from the start). One query for the page, the claimant joined.
   */
  public List<Unopened> unopened(Long afterClaim, int offset, int limit) {
    caller.require(Role.values());
    requireLimit(limit);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be ≥ 0.");
    }
    TypedQuery<Object[]> q =
        em.createQuery(
                UNOPENED
                    + (afterClaim == null ? "" : " AND cl.id < :after")
                    + " ORDER BY cl.id DESC",
                Object[].class)
            .setFirstResult(offset)
            .setMaxResults(limit);
    if (afterClaim != null) {
      q.setParameter("after", afterClaim);
    }
    return q.getResultStream()
        .map(
            row ->
                new Unopened(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (Instant) row[3],
                    (String) row[4],
                    ((Number) row[5]).intValue()))
        .toList();
  }

  /**
   * How many claims have no case: all claims less all cases, since a claim has at most one case
   * ({@code fact_case_one_open}). Two plain counts, which the database answers from its row counts;
   * counting the anti-join instead would walk every claim whenever fewer than {@link #COUNT_AHEAD}
   * wait.
   */
  public Count countUnopened() {
    caller.require(Role.values());
    long claims = em.createQuery("SELECT COUNT(cl) FROM Claim cl", Long.class).getSingleResult();
    long cases = em.createQuery("SELECT COUNT(k) FROM Case k", Long.class).getSingleResult();
    return new Count((int) Math.min(Integer.MAX_VALUE, Math.max(0, claims - cases)), false);
  }

  /** One page, starting {@code offset} rows into the sorted queue (the UI's paginator). */
  public List<Case> page(QueueFilter filter, QueueOrder order, int offset, int limit) {
    caller.require(Role.values());
    requireLimit(limit);
    if (offset < 0) {
      throw new InvalidInput("refusal.page.offset");
    }
    Query q = new Query(filter, clock, personWindow);
    return q.cases(em, order, offset, limit);
  }

  /**
   * One page after the row the cursor names (null: from the start). When the sort key may be empty
   * (the due date), the cases without one form their own segment: after the dated ones when
   * ascending, before them when descending, each walked by its own index.
   */
  public List<Case> after(QueueFilter filter, QueueOrder order, QueueCursor cursor, int limit) {
    caller.require(Role.values());
    requireLimit(limit);
    if (cursor == null) {
      return new Query(filter, clock, personWindow).cases(em, order, 0, limit);
    }
    cursor.requireOrder(order);
    Query q = new Query(filter, clock, personWindow);
    if (q.personsNewest(order)) {
      return q.personsNewest(em, cursor, 0, limit);
    }
    q.where(order.after(cursor, q.parameters));
    List<Case> page = new ArrayList<>(q.cases(em, order, 0, limit));
    String nextSegment = order.segmentAfter(cursor);
    if (page.size() < limit && nextSegment != null) {
      Query rest = new Query(filter, clock, personWindow);
      rest.where(nextSegment);
      page.addAll(rest.cases(em, order, 0, limit - page.size()));
    }
    return page;
  }

  /**
   * How many cases match, counted from {@code offset} and no further than {@link #COUNT_AHEAD} rows
   * past it: exact for small queues, "at least" for large ones.
   */
  public Count countAhead(QueueFilter filter, int offset) {
    caller.require(Role.values());
    Query q = new Query(filter, clock, personWindow);
    // a person's cases and nothing else: their assignments alone, without a join to each case
    jakarta.persistence.Query ahead =
        q.onlyPerson()
            ? em.createNativeQuery(PERSONS_CASES).setParameter(1, q.assignee)
            : q.bound(em.createQuery("SELECT c.id FROM Case c" + q.whereClause(), Long.class));
    int found =
        ahead
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(COUNT_AHEAD + 1)
            .getResultList()
            .size();
    return found > COUNT_AHEAD
        ? new Count(offset + COUNT_AHEAD, true)
        : new Count(offset + found, false);
  }

  private static void requireLimit(int limit) {
    if (limit < 1 || limit > LONGEST_PAGE) {
      throw new InvalidInput("refusal.page.limit", LONGEST_PAGE);
    }
  }

  /** A filter as JPQL conditions with their parameters. */
  private static final class Query {
    final List<String> where = new ArrayList<>();
    final Map<String, Object> parameters = new HashMap<>();
    final String assignee;
    final int window;

    /**
     * A tag becomes a join (MEMBER OF): the database starts from that tag's cases, so the work is
     * bounded by how many they have. "Nobody" is NOT EXISTS, not IS EMPTY, which EclipseLink writes
     * as a COUNT per row. A person is kept apart ({@link #cases}).
     */
    Query(QueueFilter f, Clock clock, int window) {
      this.window = window;
      assignee = f.assignee();
      if (Boolean.TRUE.equals(f.unassigned())) {
        where.add("NOT EXISTS (SELECT a FROM IN(c.assignees) a)");
      }
      if (Boolean.TRUE.equals(f.overdue())) {
        where.add("c.dueOn < :today AND c.status NOT IN :done");
        parameters.put("today", LocalDate.now(clock));
        parameters.put("done", DONE);
      }
      if (f.status() != null) {
        where.add("c.status = :status");
        parameters.put("status", f.status());
      }
      if (f.priority() != null) {
        where.add("c.priority = :priority");
        parameters.put("priority", f.priority());
      }
      if (f.tag() != null) {
        where.add(":tag MEMBER OF c.tags");
        parameters.put("tag", f.tag());
      }
      if (f.text() != null) {
        where.add("LOWER(c.title) LIKE :text ESCAPE '\\'");
        parameters.put("text", "%" + QueueFilter.likeEscaped(f.text()) + "%");
      }
    }

    void where(String condition) {
      where.add(condition);
    }

    /** The conditions, the person's as a join (MEMBER OF) included. */
    String whereClause() {
      List<String> all = new ArrayList<>(where);
      if (assignee != null) {
        all.add(0, ":assignee MEMBER OF c.assignees");
      }
      return clause(all);
    }

    private static String clause(List<String> conditions) {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    <T> TypedQuery<T> bound(TypedQuery<T> query) {
      for (var parameter : query.getParameters()) {
        String name = parameter.getName();
        query.setParameter(name, "assignee".equals(name) ? assignee : parameters.get(name));
      }
      return query;
    }

    /**
     * One page. A person's page first looks only at the first {@link #window} rows of the queue
     * without the person: it walks the sort's index up to the window's last key and keeps their
     * cases (EXISTS). Someone who works a fifth of 1,000,000 cases has their page there, where
     * joining from their side would read and sort all 200,000. Only when the window holds too few
     * of theirs does the database start from the person's cases, which then are few near the top.
     * Their cases newest first with no other filter, the page "My cases" opens on, need neither:
     * their assignments are walked in opening order ({@link #personsNewest(EntityManager,
     * QueueCursor, int, int)}).
     */
    List<Case> cases(EntityManager em, QueueOrder order, int offset, int limit) {
      if (personsNewest(order)) {
        return personsNewest(em, null, offset, limit);
      }
      if (assignee != null && offset + limit <= window) {
        List<?> windowEnd =
            bound(
                    em.createQuery(
                        "SELECT "
                            + order.sortPath()
                            + " FROM Case c"
                            + clause(where)
                            + " ORDER BY "
                            + order.orderBy(),
                        Object.class))
                .setFirstResult(window - 1)
                .setMaxResults(1)
                .getResultList();
        if (windowEnd.isEmpty() || windowEnd.get(0) != null) {
          List<String> within = new ArrayList<>(where);
          within.add("EXISTS (SELECT a FROM IN(c.assignees) a WHERE a = :assignee)");
          if (!windowEnd.isEmpty()) {
            within.add(order.upTo(windowEnd.get(0), parameters));
          }
          List<Case> page = page(em, clause(within), order, offset, limit);
          // a shorter queue than the window was read whole
          if (page.size() == limit || windowEnd.isEmpty()) {
            return page;
          }
        }
      }
      return page(em, whereClause(), order, offset, limit);
    }

    /** A person's cases and nothing else filtered. */
    boolean onlyPerson() {
      return assignee != null && where.isEmpty();
    }

    /** A person's cases newest first and nothing else filtered: "My cases" as it opens. */
    boolean personsNewest(QueueOrder order) {
      return onlyPerson() && order.equals(QueueOrder.NEWEST);
    }

    /**
     * {@link #personsNewest(QueueOrder)} from the assignments' own index (username, opened_at,
     * case_id; V13): a walk from the top or the cursor that reads only the page's rows, then the
     * page's cases by id. SQL, because JPA maps the assignments as a collection of names.
     */
    List<Case> personsNewest(EntityManager em, QueueCursor after, int offset, int limit) {
      jakarta.persistence.Query walk =
          em.createNativeQuery(
                  PERSONS_CASES + (after == null ? "" : PERSONS_NEWEST_AFTER) + PERSONS_NEWEST_PAGE)
              .setParameter(1, assignee)
              .setParameter(5, limit)
              .setParameter(6, offset);
      if (after != null) {
        OffsetDateTime opened =
            OffsetDateTime.ofInstant(
                (Instant) QueueOrder.NEWEST.sort().key(after.key()), ZoneOffset.UTC);
        walk.setParameter(2, opened).setParameter(3, opened).setParameter(4, after.id());
      }
      List<Long> ids = new ArrayList<>();
      for (Object id : walk.getResultList()) {
        ids.add(((Number) id).longValue());
      }
      if (ids.isEmpty()) {
        return List.of();
      }
      Map<Long, Case> byId = new HashMap<>();
      for (Case c :
          batched(em.createQuery("SELECT c FROM Case c WHERE c.id IN :ids", Case.class))
              .setParameter("ids", ids)
              .getResultList()) {
        byId.put(c.id(), c);
      }
      return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<Case> page(
        EntityManager em, String where, QueueOrder order, int offset, int limit) {
      return batched(
              bound(
                  em.createQuery(
                      "SELECT c FROM Case c" + where + " ORDER BY " + order.orderBy(), Case.class)))
          .setFirstResult(offset)
          .setMaxResults(limit)
          .getResultList();
    }

    // a page's tags, people and claims in three queries, not three per case; where a claim
    // appears is the case page's, not a queue row's
    private static TypedQuery<Case> batched(TypedQuery<Case> query) {
      return query
          .setHint("eclipselink.batch.type", "IN")
          .setHint("eclipselink.batch", "c.tags")
          .setHint("eclipselink.batch", "c.assignees")
          .setHint("eclipselink.batch", "c.claim");
    }
  }
}
