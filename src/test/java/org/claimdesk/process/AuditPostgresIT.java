package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the append-only trigger binds ClaimDesk's own database user, a non-superuser that
 * owns its database: UPDATE, DELETE and TRUNCATE of audit events are refused. A superuser who
 * switches the trigger off for a moment to change one byte is still caught, by the running server
 * and by {@code ./claimdesk verify}.
 */
class AuditPostgresIT {
  static final String TARGET_NAME = "pg-target-A";
  static final String TAMPERED_NAME = "pg-target-B";

  static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopEverything() {
    ServerProcess.killAllStillRunning();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void appendOnlyForTheAppUserAndASuperusersEditIsFound() throws Exception {
    try (Connection db = postgres.connect()) {
      assertEquals(
          List.of("false", postgres.user()),
          row(
              db,
              "SELECT rolsuper::text, pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d"
                  + " WHERE r.rolname = current_user AND d.datname = current_database()"),
          "ClaimDesk's role is no superuser and owns its database");
    }

    Path dir = ServerProcess.newWorkDir("audit-postgres");
    try (ServerProcess server =
        ServerProcess.in(dir)
            .env("CLAIMDESK_DEMO", "true")
            .env("CLAIMDESK_DB_URL", postgres.jdbcUrl())
            .env("CLAIMDESK_DB_USER", postgres.user())
            .env("CLAIMDESK_DB_PASSWORD", postgres.password())
            .env("CLAIMDESK_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource")
            .start()) {
      server.awaitHealthy();
      Api api = server.api();
      String factchecker = api.tokenFor("factchecker");
      String auditor = api.tokenFor("auditor");
      long targetId = 0;
      for (String name : List.of("pg-1", TARGET_NAME, "pg-2")) {
        Api.Reply issued = api.post("api/tokens", factchecker, "{\"name\":\"" + name + "\"}");
        assertEquals(201, issued.status(), issued.toString());
        if (name.equals(TARGET_NAME)) {
          targetId = issued.object().getJsonObject("details").getJsonNumber("id").longValue();
        }
      }
      Api.Reply found =
          api.get(
              "api/audit?entityType=api-token&action=api-token.issued&entityId=" + targetId,
              auditor);
      assertEquals(200, found.status(), found.toString());
      assertEquals(1, found.object().getJsonArray("items").size(), found.toString());
      long k =
          found.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();

      JsonObject before = AuditCrashIT.verify(api, auditor);
      assertTrue(before.getBoolean("intact"), before.toString());
      VerifyCli cli =
          VerifyCli.withEnv("CLAIMDESK_DB_URL", postgres.jdbcUrl())
              .env("CLAIMDESK_DB_USER", postgres.user())
              .env("CLAIMDESK_DB_PASSWORD", postgres.password());
      VerifyCli.Result clean = cli.launcher();
      assertEquals(0, clean.exitCode(), clean.toString());
      assertTrue(clean.output().contains(" events, intact"), clean.toString());

      // ClaimDesk's own user: owner of the tables (Flyway ran as it), bound by the triggers.
      try (Connection db = postgres.connect()) {
        assertEquals(
            List.of(postgres.user()),
            row(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'"));
        assertEquals(
            Map.of("audit_event_append_only", "O", "audit_event_no_truncate", "O"),
            triggers(db),
            "both triggers present and enabled");
        String changes = changesOf(db, k);
        long count = count(db);

        assertRefused(
            db, "UPDATE audit_event SET changes = changes || ' ' WHERE seq = " + k, "UPDATE");
        assertRefused(db, "UPDATE audit_event SET actor = 'nobody'", "UPDATE");
        assertRefused(db, "DELETE FROM audit_event WHERE seq = " + k, "DELETE");
        assertRefused(db, "DELETE FROM audit_event", "DELETE");
        // Plain TRUNCATE also trips over the chain head's foreign key; CASCADE (which would empty
        // the head too) gets past that and meets the trigger.
        SQLException truncate =
            assertThrows(SQLException.class, () -> execute(db, "TRUNCATE audit_event"));
        assertTrue(truncate.getMessage().contains("foreign key constraint"), truncate.getMessage());
        assertRefused(db, "TRUNCATE audit_event CASCADE", "TRUNCATE");

        assertEquals(changes, changesOf(db, k), "event " + k + " unchanged");
        assertEquals(count, count(db), "no event removed");
        assertEquals(
            List.of("1"), row(db, "SELECT count(*)::text FROM audit_chain_head"), "head kept");
      }
      assertTrue(AuditCrashIT.verify(api, auditor).getBoolean("intact"));

      // The superuser switches the trigger off inside one transaction, edits one byte, switches
      // it back on.
      postgres.psqlIn(
          postgres.database(),
          "BEGIN;"
              + " ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;"
              + " UPDATE audit_event SET changes = replace(changes, '"
              + TARGET_NAME
              + "', '"
              + TAMPERED_NAME
              + "') WHERE seq = "
              + k
              + ";"
              + " ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;"
              + " COMMIT;");
      try (Connection db = postgres.connect()) {
        String tampered = changesOf(db, k);
        assertTrue(tampered.contains(TAMPERED_NAME), "the edit happened: " + tampered);
        assertFalse(tampered.contains(TARGET_NAME), tampered);
        assertEquals(
            Map.of("audit_event_append_only", "O", "audit_event_no_truncate", "O"),
            triggers(db),
            "the trigger is back on");
      }

      JsonObject after = AuditCrashIT.verify(api, auditor);
      assertFalse(after.getBoolean("intact"), "the running server sees the edit: " + after);
      assertEquals(k, after.getJsonNumber("brokenAt").longValue(), after.toString());
      assertTrue(
          after.getString("problem").contains("its content does not match its hash"),
          after.toString());

      VerifyCli.Result broken = cli.launcher();
      assertEquals(1, broken.exitCode(), broken.toString());
      assertTrue(
          broken.output().startsWith("BROKEN at event " + k + ": its content does not match"),
          broken.toString());

      server.stop();
    }
  }

  private static void assertRefused(Connection db, String sql, String operation) {
    SQLException refused = assertThrows(SQLException.class, () -> execute(db, sql), sql);
    assertTrue(
        refused.getMessage().contains("audit_event is append-only: " + operation + " refused"),
        sql + ": " + refused.getMessage());
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> row(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), "a row from " + sql);
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      assertFalse(rs.next(), "one row from " + sql);
      return values;
    }
  }

  private static Map<String, String> triggers(Connection db) throws SQLException {
    Map<String, String> triggers = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tgname, tgenabled::text FROM pg_trigger"
                    + " WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal")) {
      while (rs.next()) {
        triggers.put(rs.getString(1), rs.getString(2));
      }
    }
    return triggers;
  }

  private static String changesOf(Connection db, long seq) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement("SELECT changes FROM audit_event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next(), "event " + seq + " exists");
        return rs.getString(1);
      }
    }
  }

  private static long count(Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
