package org.claimdesk.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.claimdesk.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The median time from opening a case to its first publication, as the dashboard's SQL computes it
 * on H2 (the schema of the migrations; PostgresIT runs the same SQL on PostgreSQL): only verdicts
 * published at least once count, an even count takes the mean of the middle two, and times in
 * different offsets are compared as instants.
 */
class TimeToPublicationTest {
  Connection db;
  long next = 1;

  @BeforeEach
  void emptyDatabase() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:publication" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    DatabaseMigration.migrate(ds);
    db = ds.getConnection();
  }

  /** A case opened at {@code opened}, its verdict first published at {@code published} or not. */
  void verdict(String opened, String published) throws SQLException {
    long id = next++;
    update(
        "INSERT INTO claim (id, version, statement, language, appearances, created_at, created_by)"
            + " VALUES (?, 1, 'Behauptung', 'de', 0, ?, 'lena')",
        id,
        OffsetDateTime.parse(opened));
    update(
        "INSERT INTO fact_case (id, version, claim_id, title, status, status_rank, priority,"
            + " priority_rank, selection_reason, opened_at, opened_by)"
            + " VALUES (?, 1, ?, 'Fall', 'IN_REVIEW', 2, 'NORMAL', 1, 'Grund', ?, 'lena')",
        id,
        id,
        OffsetDateTime.parse(opened));
    update(
        "INSERT INTO verdict (id, version, case_id, scale_id, rating, claim_reviewed, conclusion,"
            + " explanation, revision, proposed_by, review_round, published_revision,"
            + " first_published_at, last_published_at)"
            + " VALUES (?, 1, ?, 1, 'FALSE', 'Behauptung', 'Fazit', '[E1]', 1, 'lena', 1, ?, ?, ?)",
        id,
        id,
        published == null ? null : 1,
        published == null ? null : OffsetDateTime.parse(published),
        published == null ? null : OffsetDateTime.parse(published));
  }

  void update(String sql, Object... values) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  /** Published count and median seconds, or null. */
  Object[] median() throws SQLException {
    try (ResultSet r = db.createStatement().executeQuery(Publications.MEDIAN_SECONDS)) {
      r.next();
      return new Object[] {r.getLong(1), r.getObject(2) == null ? null : r.getDouble(2)};
    }
  }

  @Test
  void noPublicationNoMedian() throws SQLException {
    verdict("2026-03-01T09:00:00Z", null);
    Object[] m = median();
    assertEquals(0L, m[0]);
    assertNull(m[1]);
  }

  @Test
  void theMiddleOfAnOddNumberToTheMicrosecond() throws SQLException {
    verdict("2026-03-01T09:00:00Z", "2026-03-04T09:00:00Z"); // 3 days
    verdict("2026-03-01T09:00:00Z", "2026-03-02T09:00:00.000250Z"); // 1 day and 250 µs
    verdict("2026-03-01T09:00:00Z", "2026-03-11T09:00:00Z"); // 10 days
    verdict("2026-03-01T09:00:00Z", null); // not published: not counted
    Object[] m = median();
    assertEquals(3L, m[0]);
    assertEquals(3 * 86_400.0, (double) m[1], 1e-6);
  }

  @Test
  void theMeanOfTheMiddleTwoAcrossOffsets() throws SQLException {
    // opened 10:00 in Berlin (09:00 UTC), published 09:00 UTC the next day: exactly one day
    verdict("2026-03-01T10:00:00+01:00", "2026-03-02T09:00:00Z");
    verdict("2026-03-01T09:00:00Z", "2026-03-03T09:00:00-00:00"); // 2 days
    verdict("2026-03-01T09:00:00Z", "2026-03-01T21:00:00Z"); // half a day
    verdict("2026-03-01T09:00:00Z", "2026-03-31T09:00:00Z"); // 30 days
    Object[] m = median();
    assertEquals(4L, m[0]);
    assertEquals(1.5 * 86_400, (double) m[1], 1e-6);
  }
}
