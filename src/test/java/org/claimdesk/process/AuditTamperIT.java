package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.audit.Checkpoint;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Somebody with the H2 file (the database owner, ClaimDesk stopped) edits history: the append-only
 * trigger refuses, so they drop it, change or delete an event and put the trigger back. {@code
 * ./claimdesk verify} names the first broken event; when they also recompute every later hash and
 * the head, only an exported checkpoint still shows the rewrite.
 */
class AuditTamperIT {
  static final String TARGET_NAME = "tamper-target-A";
  static final String TAMPERED_NAME = "tamper-target-B";
  static final String RECREATE_TRIGGER =
      "CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event"
          + " FOR EACH ROW CALL 'org.claimdesk.audit.AppendOnlyTrigger'";
  static final Pattern SUMMARY =
      Pattern.compile("^(\\d+) events, intact, head hash ([0-9a-f]{64})");

  @AfterAll
  static void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  /**
   * Rides on this test's demo first start (issue 13, "a calm first run"): the log has no
   * certificate dumps from Payara's trust store and no stack trace (the demo import caused one),
   * and scripts go out gzip-compressed with a caching header.
   */
  static void assertCalmFirstStart(ServerProcess server) throws Exception {
    String log = server.log();
    assertFalse(
        log.contains("NCLS-SECURITY-05054") || log.contains("certificate has expired"),
        "no expired-certificate dumps\n" + server.diagnosis());
    List<String> traces =
        log.lines()
            .filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by: "))
            .limit(5)
            .toList();
    assertEquals(List.of(), traces, "no stack trace in a first start\n" + server.diagnosis());

    HttpResponse<byte[]> script =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        server
                            .baseUri()
                            .resolve("jakarta.faces.resource/core.js.xhtml?ln=primefaces"))
                    .header("Accept-Encoding", "gzip")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, script.statusCode());
    assertEquals(
        Optional.of("gzip"),
        script.headers().firstValue("Content-Encoding"),
        script.headers().toString());
    assertTrue(
        script.headers().firstValue("Cache-Control").orElse("").contains("max-age="),
        script.headers().toString());
    byte[] unpacked = new GZIPInputStream(new ByteArrayInputStream(script.body())).readAllBytes();
    assertTrue(
        new String(unpacked, StandardCharsets.UTF_8).contains("PrimeFaces"),
        "the gzip body is PrimeFaces' core script");
    assertTrue(
        script.body().length * 2 < unpacked.length,
        "compressed to less than half: " + script.body().length + " of " + unpacked.length);
  }

  @Test
  void theCliFindsEditedDeletedAndRecomputedEvents() throws Exception {
    Path dir = ServerProcess.newWorkDir("audit-tamper");
    Path checkpointFile = dir.resolve("checkpoint.json");
    long k;
    Checkpoint checkpoint;
    long events;

    try (ServerProcess server =
        ServerProcess.in(dir)
            .env("CLAIMDESK_DEMO", "true")
            .env("CLAIMDESK_DB_URL", h2Url(dir.resolve("data")) + ";WRITE_DELAY=0")
            .start()) {
      server.awaitHealthy();
      assertCalmFirstStart(server);
      Api api = server.api();
      String factchecker = api.tokenFor("factchecker");
      String auditor = api.tokenFor("auditor");
      long targetId = 0;
      for (String name : List.of("tamper-1", "tamper-2", TARGET_NAME, "tamper-3", "tamper-4")) {
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
      JsonObject target = found.object().getJsonArray("items").getJsonObject(0);
      k = target.getJsonNumber("seq").longValue();
      assertTrue(target.getString("changes").contains(TARGET_NAME), target.toString());

      Api.Reply exported = api.get("api/audit/checkpoint", auditor);
      assertEquals(200, exported.status(), exported.toString());
      Files.writeString(checkpointFile, exported.body(), StandardCharsets.UTF_8);
      checkpoint = Checkpoint.fromJson(exported.body());
      assertEquals("auditor", checkpoint.exportedBy());
      assertTrue(
          checkpoint.seq() >= k + 2, "the checkpoint is after the target and two more events");

      // history goes on after the checkpoint
      for (String name : List.of("tamper-5", "tamper-6")) {
        assertEquals(
            201, api.post("api/tokens", factchecker, "{\"name\":\"" + name + "\"}").status());
      }
      JsonObject verified = SigkillIT.verify(api, auditor);
      assertTrue(verified.getBoolean("intact"), verified.toString());
      events = verified.getJsonNumber("events").longValue();
      assertTrue(events > checkpoint.seq() + 1, "events after the checkpoint: " + verified);
      server.stop();
    }
    Path original = dir.resolve("data/claimdesk.mv.db");
    assertTrue(Files.isRegularFile(original), original.toString());
    System.out.printf(
        "[process-it] tampering with event %d of %d; checkpoint at event %d%n",
        k, events, checkpoint.seq());

    // Untouched copy: intact, and it contains the checkpoint.
    Path untouched = copy(original, dir.resolve("untouched"));
    VerifyCli.Result clean = cli(untouched);
    assertEquals(0, clean.exitCode(), clean.toString());
    Matcher head = SUMMARY.matcher(clean.output());
    assertTrue(head.find(), clean.toString());
    assertEquals(events, Long.parseLong(head.group(1)), clean.toString());
    String originalHeadHash = head.group(2);
    VerifyCli.Result cleanAgainst = cli(untouched, "--against", checkpointFile.toString());
    assertEquals(0, cleanAgainst.exitCode(), cleanAgainst.toString());
    assertTrue(
        cleanAgainst.output().contains("matches checkpoint at event " + checkpoint.seq()),
        cleanAgainst.toString());

    // 1. One byte of one event changed.
    Path edited = copy(original, dir.resolve("edited"));
    try (Connection db = open(edited)) {
      assertRefused(db, "UPDATE audit_event SET changes = changes WHERE seq = " + k, "UPDATE");
      assertRefused(db, "DELETE FROM audit_event WHERE seq = " + k, "DELETE");
      withoutTrigger(db, () -> changeOneByte(db, k));
      assertRefused(db, "UPDATE audit_event SET changes = changes WHERE seq = " + k, "UPDATE");
    }
    VerifyCli.Result editedResult = cli(edited);
    assertBrokenAt(editedResult, k, "its content does not match its hash");
    assertBrokenAt(cli(edited, "--against", checkpointFile.toString()), k, "does not match");

    // 2. One event deleted.
    Path deleted = copy(original, dir.resolve("deleted"));
    try (Connection db = open(deleted)) {
      withoutTrigger(
          db,
          () -> {
            try (Statement s = db.createStatement()) {
              assertEquals(1, s.executeUpdate("DELETE FROM audit_event WHERE seq = " + k));
            }
          });
    }
    assertBrokenAt(
        cli(deleted), k, "event " + k + " is missing (a gap before event " + (k + 1) + ")");

    // 3. One byte changed and the chain recomputed from there, head included, as an attacker with
    // the source code would: without a checkpoint it looks intact.
    Path rewritten = copy(original, dir.resolve("rewritten"));
    try (Connection db = open(rewritten)) {
      withoutTrigger(
          db,
          () -> {
            changeOneByte(db, k);
            recomputeFrom(db, k);
          });
    }
    VerifyCli.Result looksIntact = cli(rewritten);
    assertEquals(0, looksIntact.exitCode(), "a recomputed chain is consistent: " + looksIntact);
    Matcher forgedHead = SUMMARY.matcher(looksIntact.output());
    assertTrue(forgedHead.find(), looksIntact.toString());
    assertEquals(events, Long.parseLong(forgedHead.group(1)), looksIntact.toString());
    assertNotEquals(originalHeadHash, forgedHead.group(2), "the head hash changed");

    VerifyCli.Result caught = cli(rewritten, "--against", checkpointFile.toString());
    assertBrokenAt(
        caught,
        checkpoint.seq(),
        "its hash differs from the checkpoint exported "
            + checkpoint.exportedAt()
            + " by auditor (history up to here was rewritten)");
  }

  // ---------------------------------------------------------------- the attacker's tools

  interface SqlWork {
    void run() throws SQLException;
  }

  /** Drops the append-only trigger, does the work and puts the trigger back as it was. */
  static void withoutTrigger(Connection db, SqlWork work) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DROP TRIGGER audit_event_append_only");
    }
    work.run();
    try (Statement s = db.createStatement()) {
      s.execute(RECREATE_TRIGGER);
    }
  }

  /** {@value #TARGET_NAME} becomes {@value #TAMPERED_NAME} in the changes of event {@code seq}. */
  static void changeOneByte(Connection db, long seq) throws SQLException {
    String before = changesOf(db, seq);
    String after = before.replace(TARGET_NAME, TAMPERED_NAME);
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = after.getBytes(StandardCharsets.UTF_8);
    assertEquals(a.length, b.length);
    int differing = 0;
    for (int i = 0; i < a.length; i++) {
      differing += a[i] == b[i] ? 0 : 1;
    }
    assertEquals(1, differing, "exactly one byte differs: " + before + " -> " + after);
    try (PreparedStatement update =
        db.prepareStatement("UPDATE audit_event SET changes = ? WHERE seq = ?")) {
      update.setString(1, after);
      update.setLong(2, seq);
      assertEquals(1, update.executeUpdate());
    }
    assertEquals(after, changesOf(db, seq));
  }

  /**
   * Recomputes prev_hash and hash of every event from {@code seq} on, then the head, with
   * ClaimDesk's own {@link AuditEvent#canonical} and {@link AuditEvent#hash}.
   */
  static void recomputeFrom(Connection db, long seq) throws SQLException {
    record Row(long seq, AuditEvent.Content content) {}
    List<Row> rows = new ArrayList<>();
    String prevHash;
    try (PreparedStatement s =
        db.prepareStatement("SELECT prev_hash FROM audit_event WHERE seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        prevHash = rs.getString(1);
      }
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT seq, occurred_at, actor, actor_roles, action, entity_type, entity_id, case_id,"
                + " entity_version, changes, reason, request_id, client_address"
                + " FROM audit_event WHERE seq >= ? ORDER BY seq")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  new AuditEvent.Content(
                      rs.getObject(2, OffsetDateTime.class).toInstant(),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      nullableLong(rs, 8),
                      nullableLong(rs, 9),
                      rs.getString(10),
                      rs.getString(11),
                      rs.getString(12),
                      rs.getString(13))));
        }
      }
    }
    try (PreparedStatement update =
        db.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
      for (Row row : rows) {
        String hash = AuditEvent.hash(prevHash, AuditEvent.canonical(row.seq(), row.content()));
        update.setString(1, prevHash);
        update.setString(2, hash);
        update.setLong(3, row.seq());
        assertEquals(1, update.executeUpdate());
        prevHash = hash;
      }
    }
    try (PreparedStatement head =
        db.prepareStatement("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1")) {
      head.setString(1, prevHash);
      assertEquals(1, head.executeUpdate());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.resolve("claimdesk");
  }

  private static Path copy(Path mvDb, Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    Files.copy(mvDb, dataDir.resolve("claimdesk.mv.db"));
    return dataDir;
  }

  /** As the database owner, with the H2 driver and ClaimDesk's trigger class of this JVM. */
  private static Connection open(Path dataDir) throws SQLException {
    return DriverManager.getConnection(h2Url(dataDir), "claimdesk", "claimdesk");
  }

  private static VerifyCli.Result cli(Path dataDir, String... more) {
    List<String> args = new ArrayList<>(List.of("--url", h2Url(dataDir)));
    args.addAll(List.of(more));
    return VerifyCli.plain().java(args.toArray(String[]::new));
  }

  private static void assertBrokenAt(VerifyCli.Result result, long seq, String problem) {
    assertEquals(1, result.exitCode(), "exit 1 (broken): " + result);
    assertTrue(
        result.output().startsWith("BROKEN at event " + seq + ": "),
        "BROKEN at event " + seq + ": " + result);
    assertTrue(result.output().contains(problem), "'" + problem + "' in " + result);
  }

  private static void assertRefused(Connection db, String sql, String operation) {
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Statement s = db.createStatement()) {
                s.executeUpdate(sql);
              }
            },
            sql);
    assertTrue(
        refused.getMessage().contains("audit_event is append-only: " + operation + " refused"),
        refused.getMessage());
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

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
