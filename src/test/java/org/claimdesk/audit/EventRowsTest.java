package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
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

  private static boolean matches(AuditFilter filter, long seq) {
    AuditEvent.Content c = ChainFixture.content(seq);
    return (filter.actor() == null || filter.actor().equals(c.actor()))
        && (filter.action() == null || filter.action().equals(c.action()))
        && (filter.entityType() == null || filter.entityType().equals(c.entityType()))
        && (filter.entityId() == null || filter.entityId().equals(c.entityId()));
  }
}
