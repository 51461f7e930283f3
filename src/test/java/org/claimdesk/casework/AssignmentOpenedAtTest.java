package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.claimdesk.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * On H2 with ClaimDesk's migrations: every assignment carries its case's opening time, however it
 * was written, and "My cases" as it opens is a walk of the person's assignments in one index.
 */
class AssignmentOpenedAtTest {

  @Test
  void anAssignmentWrittenWithoutItsOpeningTimeGetsItsCasesAndThePageWalksOneIndex()
      throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:assigned" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    DatabaseMigration.migrate(ds);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      GeneratedCases.Batch batch =
          GeneratedCases.insert(
              c, 1, 60, List.of("lena", "jonas"), "admin", Instant.parse("2026-11-23T08:00:00Z"));
      // as JPA writes an assignment: case and person only
      long id = batch.caseIds().get(0);
      s.executeUpdate("DELETE FROM case_assignee WHERE case_id = " + id);
      s.executeUpdate("INSERT INTO case_assignee (case_id, username) VALUES (" + id + ", 'mia')");
      c.commit();

      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*), SUM(CASE WHEN a.opened_at = f.opened_at THEN 1 ELSE 0 END)"
                  + " FROM case_assignee a JOIN fact_case f ON f.id = a.case_id")) {
        rs.next();
        assertTrue(rs.getInt(1) > 30, "most generated cases have people");
        assertEquals(rs.getInt(1), rs.getInt(2), "each assignment holds its case's opening");
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT a.opened_at, f.opened_at FROM case_assignee a JOIN fact_case f"
                  + " ON f.id = a.case_id WHERE a.username = 'mia'")) {
        rs.next();
        assertEquals(rs.getObject(2), rs.getObject(1));
      }

      try (PreparedStatement explain =
          c.prepareStatement(
              "EXPLAIN "
                  + CaseQueue.PERSONS_CASES
                  + CaseQueue.PERSONS_NEWEST_AFTER
                  + CaseQueue.PERSONS_NEWEST_PAGE)) {
        OffsetDateTime at = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        explain.setString(1, "lena");
        explain.setObject(2, at);
        explain.setObject(3, at);
        explain.setLong(4, 1000);
        explain.setInt(5, 20);
        explain.setInt(6, 0);
        try (ResultSet plan = explain.executeQuery()) {
          plan.next();
          String text = plan.getString(1);
          assertTrue(text.contains("CASE_ASSIGNEE_NEWEST"), text);
          // H2 says so when the index gives the order and nothing is sorted
          assertTrue(text.contains("index sorted"), text);
        }
      }
    }
  }
}
