package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging and counting the log, checked against the obvious answer on a real H2 database. */
class EventRowsTest {
  static ChainFixture chain;

  @BeforeAll
  static void threeHundredEvents() throws SQLException {
    chain = ChainFixture.inMemory(UUID.randomUUID().toString()).append(300);
  }

  /** In the fixture every third event is the supervisor's; entity ids cycle through user-0..6. */
  @Test
  void keysetPagesOfAFilterReturnExactlyItsEventsNewestFirst() throws SQLException {
    for (AuditFilter filter :
        List.of(
            AuditFilter.EVERYTHING,
            new AuditFilter("supervisor", null, null, null, null, null, null),
            new AuditFilter(null, "login.succeeded", null, null, null, null, null),
            new AuditFilter(null, null, "account", "user-3", null, null, null),
            new AuditFilter(
                "factchecker", "login.succeeded", "account", "user-2", null, null, null))) {
      List<Long> expected =
          LongStream.rangeClosed(1, 300)
              .map(i -> 301 - i)
              .filter(seq -> matches(filter, seq))
              .boxed()
              .toList();
      List<Long> paged = new ArrayList<>();
      Long before = null;
      try (Connection c = chain.connect()) {
        List<AuditEvent> page;
        do {
          page = EventRows.newestFirst(c, filter, before, 0, 7);
          page.forEach(e -> paged.add(e.seq()));
          before = page.isEmpty() ? null : page.get(page.size() - 1).seq();
        } while (page.size() == 7);
        assertEquals(expected, paged, filter.toString());
        assertEquals(
            Math.min(expected.size(), 41), EventRows.countUpTo(c, filter, 41), filter.toString());
        assertEquals(
            expected.stream().skip(14).limit(7).toList(),
            EventRows.newestFirst(c, filter, null, 14, 7).stream().map(AuditEvent::seq).toList());
      }
    }
  }

  /**
   * Case 5's story: the events recorded with its id (every fifth event of the fixture names case
   * seq/5, so event 25) and those of its claim 77, which carry no case id; not those of claim 78.
   */
  @Test
  void aCasesStoryIsItsOwnEventsAndThoseOfItsClaimNewestFirstAndOldestFirst() throws SQLException {
    ChainFixture story = ChainFixture.inMemory(UUID.randomUUID().toString());
    try (Connection c = story.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO claim (id, version, statement, language, appearances, created_at,"
              + " created_by) VALUES (77, 1, 'x', 'de', 1, CURRENT_TIMESTAMP, 'a'), (78, 1, 'y',"
              + " 'de', 1, CURRENT_TIMESTAMP, 'a')");
      s.execute(
          "INSERT INTO fact_case (id, version, claim_id, title, status, priority, selection_reason,"
              + " opened_at, opened_by, priority_rank, status_rank) VALUES (5, 1, 77, 't', 'NEW',"
              + " 'LOW', 'r', CURRENT_TIMESTAMP, 'a', 0, 0)");
    }
    story.append(300, EventRowsTest::storyContent);
    List<Long> expected =
        LongStream.rangeClosed(1, 300)
            .filter(
                seq -> {
                  AuditEvent.Content e = storyContent(seq);
                  return Long.valueOf(5).equals(e.caseId())
                      || e.entityType().equals("claim") && "77".equals(e.entityId());
                })
            .boxed()
            .toList();
    assertEquals(List.of(3L, 23L, 25L, 43L), expected.subList(0, 4), "the fixture as meant");
    AuditFilter ofCase = AuditFilter.ofCase(5);
    try (Connection c = story.connect()) {
      List<Long> oldestFirst = new ArrayList<>();
      EventRows.walk(c, ofCase.where(), ofCase.parameters(), "seq", e -> oldestFirst.add(e.seq()));
      assertEquals(expected, oldestFirst);
      List<Long> newestFirst =
          EventRows.newestFirst(c, ofCase, null, 0, 500).stream().map(AuditEvent::seq).toList();
      List<Long> reversed = new ArrayList<>(expected);
      Collections.reverse(reversed);
      assertEquals(reversed, newestFirst);
      assertEquals(expected.size(), EventRows.countUpTo(c, ofCase, 500));
      assertEquals(List.of(), EventRows.newestFirst(c, AuditFilter.ofCase(1000), null, 0, 10));
    }
  }

  /** The fixture's events, and every tenth one (3, 13, …) an event of claim 77 or 78. */
  static AuditEvent.Content storyContent(long seq) {
    AuditEvent.Content c = ChainFixture.content(seq);
    if (seq % 10 != 3) {
      return c;
    }
    return new AuditEvent.Content(
        c.occurredAt(),
        c.actor(),
        c.actorRoles(),
        "claim.edited",
        "claim",
        seq % 20 == 3 ? "77" : "78",
        null,
        c.entityVersion(),
        c.changes(),
        null,
        null,
        null);
  }

  private static boolean matches(AuditFilter filter, long seq) {
    AuditEvent.Content c = ChainFixture.content(seq);
    return (filter.actor() == null || filter.actor().equals(c.actor()))
        && (filter.action() == null || filter.action().equals(c.action()))
        && (filter.entityType() == null || filter.entityType().equals(c.entityType()))
        && (filter.entityId() == null || filter.entityId().equals(c.entityId()));
  }
}
