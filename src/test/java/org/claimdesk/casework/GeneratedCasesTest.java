package org.claimdesk.casework;

import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The generator's rows obey ClaimDesk's schema and the rules the entities keep. */
class GeneratedCasesTest {

  @Test
  void eachCaseHasItsOwnClaimQuotedFromItsBatchArticle() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:generated" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    DatabaseMigration.migrate(ds);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      Instant now = Instant.parse("2026-11-23T08:00:00Z");
      GeneratedCases.Batch first =
          GeneratedCases.insert(c, 1, 120, List.of("lena", "jonas"), "admin", now);
      GeneratedCases.Batch second = GeneratedCases.insert(c, 2, 30, List.of(), "admin", now);
      c.commit();

      assertEquals(120, first.caseIds().size());
      Set<Long> ids = new HashSet<>(first.caseIds());
      ids.addAll(second.caseIds());
      assertEquals(150, ids.size(), "no id handed out twice");
      try (Statement s = c.createStatement()) {
        assertEquals(150, count(s, "SELECT COUNT(*) FROM fact_case"));
        assertEquals(
            0,
            count(
                s,
                "SELECT COUNT(*) FROM fact_case WHERE open_claim_id IS NULL"
                    + " OR open_claim_id <> claim_id"),
            "every case holds its claim");
        assertEquals(
            0,
            count(
                s,
                "SELECT COUNT(*) FROM fact_case WHERE priority_rank <> CASE priority WHEN 'LOW'"
                    + " THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END"),
            "ranks as Case keeps them");
        assertEquals(
            0,
            count(
                s,
                "SELECT COUNT(*) FROM appearance a JOIN article_revision r ON r.article_id ="
                    + " a.article_id AND r.number = a.revision WHERE SUBSTRING(r.reading_text"
                    + " FROM a.start_offset + 1 FOR a.end_offset - a.start_offset) <> a.quote"),
            "each quote is the text at its span");
        assertEquals(
            0,
            count(
                s,
                "SELECT COUNT(*) FROM case_assignee WHERE case_id IN ("
                    + second.caseIds().stream().map(String::valueOf).collect(joining(","))
                    + ")"),
            "nobody to assign, nobody assigned");
        assertTrue(count(s, "SELECT COUNT(*) FROM case_tag") > 50, "most cases have topics");
        assertTrue(
            count(s, "SELECT COUNT(*) FROM fact_case WHERE due_on IS NULL") > 5,
            "some cases have no due date");
      }
    }
  }

  @Test
  void aCasesLifeIsToldByItsPeopleWithFourEyesOnTheReview() {
    GeneratedCases.Batch batch =
        new GeneratedCases.Batch(7, List.of(101L, 102L, 103L), List.of(201L, 202L, 203L));
    Instant now = Instant.parse("2026-11-23T08:00:00Z");
    List<AuditEvent.Content> life =
        GeneratedCases.lifeEvents(
            batch, GeneratedCases.LIFE_EVENTS, List.of("lena", "jonas"), "admin", now);

    assertEquals(3 * GeneratedCases.LIFE_EVENTS, life.size());
    List<AuditEvent.Content> first = life.subList(0, GeneratedCases.LIFE_EVENTS);
    assertEquals("claim.captured", first.get(0).action());
    assertEquals("101", first.get(0).entityId(), "the case's own claim");
    assertEquals("case.publish", first.get(first.size() - 1).action());
    assertTrue(life.stream().allMatch(e -> e.caseId() != null && e.occurredAt().isBefore(now)));
    for (int i = 0; i < 3; i++) {
      List<AuditEvent.Content> one =
          life.subList(i * GeneratedCases.LIFE_EVENTS, (i + 1) * GeneratedCases.LIFE_EVENTS);
      assertNotEquals(
          actorOf(one, "verdict.proposed"),
          actorOf(one, "case.approve"),
          "nobody approves their own verdict");
    }
    assertEquals(
        3 * 4, GeneratedCases.lifeEvents(batch, 4, List.of(), "admin", now).size(), "as asked");
  }

  private static String actorOf(List<AuditEvent.Content> events, String action) {
    return events.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow().actor();
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
