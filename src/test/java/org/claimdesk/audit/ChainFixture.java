package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.claimdesk.platform.DatabaseMigration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real H2 database with ClaimDesk's migrations and a chain of events appended as ClaimDesk does.
 */
final class ChainFixture {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  final String url;
  private long seq;
  private String lastHash = AuditEvent.GENESIS;

  ChainFixture(String url) {
    this.url = url;
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("claimdesk");
    dataSource.setPassword("claimdesk");
    DatabaseMigration.migrate(dataSource);
  }

  static ChainFixture inMemory(String name) {
    return new ChainFixture("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "claimdesk", "claimdesk");
  }

  /** Appends n events "login.succeeded" of varied content, batched, and moves the head. */
  ChainFixture append(int n) throws SQLException {
    return append(n, ChainFixture::content);
  }

  /** Appends n events with the content given for each sequence number. */
  ChainFixture append(int n, LongFunction<AuditEvent.Content> contents) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      List<AuditEvent> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        seq++;
        AuditEvent event = AuditEvent.append(seq, lastHash, contents.apply(seq));
        batch.add(event);
        if (batch.size() == 1000) {
          EventRows.insert(c, batch);
          batch.clear();
        }
        lastHash = event.hash();
      }
      EventRows.insert(c, batch);
      try (PreparedStatement head =
          c.prepareStatement(
              "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
        head.setLong(1, seq);
        head.setString(2, lastHash);
        head.executeUpdate();
      }
      c.commit();
    }
    return this;
  }

  static AuditEvent.Content content(long seq) {
    return new AuditEvent.Content(
        T0.plusSeconds(seq),
        seq % 3 == 0 ? "supervisor" : "factchecker",
        seq % 3 == 0 ? "SUPERVISOR" : "FACT_CHECKER",
        seq % 2 == 0 ? "login.succeeded" : "account.language-changed",
        "account",
        "user-" + (seq % 7),
        seq % 5 == 0 ? seq / 5 : null,
        seq,
        "{\"locale\":{\"after\":\"de\",\"before\":\"en\"},\"note\":{\"after\":\"Größe „"
            + seq
            + "“\",\"before\":null}}",
        seq % 4 == 0 ? "weil \"es\" nötig war" : null,
        "req-" + seq,
        "127.0.0.1");
  }

  /** What the database owner can do and ClaimDesk never does: switch the append-only guard off. */
  void asOwner(String... statements) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER audit_event_append_only");
      for (String sql : statements) {
        s.execute(sql);
      }
      s.execute(
          "CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'org.claimdesk.audit.AppendOnlyTrigger'");
    }
  }

  long size() {
    return seq;
  }

  String headHash() {
    return lastHash;
  }
}
