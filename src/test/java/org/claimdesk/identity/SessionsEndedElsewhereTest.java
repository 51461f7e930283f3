package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.claimdesk.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which sessions the audit log ends, on a real H2 database with ClaimDesk's migrations: the right
 * people, read from the (action, seq) index rather than by testing every event of the log.
 */
class SessionsEndedElsewhereTest {
  static String url;

  /** 3,000 events; every 500th ends the session of user-(seq/500), the rest are sign-ins. */
  @BeforeAll
  static void aLog() throws SQLException {
    url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    DatabaseMigration.migrate(dataSource);
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_event (seq, occurred_at, actor, actor_roles, action, entity_type,"
                    + " entity_id, changes, prev_hash, hash) VALUES (?, ?, 'admin', 'ADMIN', ?,"
                    + " 'account', ?, '{}', 'p', 'h')")) {
      for (long seq = 1; seq <= 3000; seq++) {
        boolean ending = seq % 500 == 0;
        insert.setLong(1, seq);
        insert.setTimestamp(2, Timestamp.from(Instant.EPOCH.plusSeconds(seq)));
        insert.setString(
            3,
            ending ? SessionsEndedElsewhere.ENDING.get((int) (seq / 500) % 3) : "login.succeeded");
        insert.setString(4, ending ? "user-" + seq / 500 : "someone");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  @Test
  void theEventsBetweenTwoTicksEndThePeopleTheyName() throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(
          Set.of("user-2", "user-3", "user-4"), SessionsEndedElsewhere.endedBetween(c, 999, 2000));
      assertEquals(Set.of(), SessionsEndedElsewhere.endedBetween(c, 1000, 1499));
      assertEquals(Set.of("user-6"), SessionsEndedElsewhere.endedBetween(c, 2999, 3000));
    }
  }

  @Test
  void eachActionIsARangeOfItsIndexNotAPassOverTheLog() throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement explain =
            c.prepareStatement("EXPLAIN " + SessionsEndedElsewhere.ENDED_BETWEEN)) {
      explain.setString(1, "account.disabled");
      explain.setLong(2, 10);
      explain.setLong(3, 20);
      try (ResultSet plan = explain.executeQuery()) {
        plan.next();
        String text = plan.getString(1);
        // H2 names the index and the conditions it looks up in a comment after the table
        String lookup = text.substring(text.indexOf("/*"), text.indexOf("*/"));
        for (String part : List.of("AUDIT_EVENT_ACTION:", "ACTION = ?1", "SEQ > ?2", "SEQ <= ?3")) {
          assertTrue(lookup.contains(part), text);
        }
      }
    }
  }
}
