package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verification against a real H2 database built by ClaimDesk's migrations. */
class ChainVerifierTest {
  ChainFixture chain;

  @BeforeEach
  void twentyEvents() throws SQLException {
    chain = ChainFixture.inMemory(UUID.randomUUID().toString()).append(20);
  }

  ChainVerifier.Report verify() throws SQLException {
    return verify(Optional.empty());
  }

  /** Verifies as ClaimDesk does, and in batches of three that hash apart: the reports agree. */
  ChainVerifier.Report verify(Optional<Checkpoint> against) throws SQLException {
    try (Connection c = chain.connect()) {
      ChainVerifier.Report report = ChainVerifier.verify(c, against);
      assertEquals(report, ChainVerifier.verify(c, against, 3), "in small batches");
      return report;
    }
  }

  @Test
  void anUntouchedChainIsIntact() throws SQLException {
    ChainVerifier.Report report = verify();
    assertTrue(report.intact(), report.summary());
    assertEquals(20, report.events());
    assertEquals(chain.headHash(), report.headHash());
    assertEquals("20 events, intact, head hash " + chain.headHash(), report.summary());
  }

  @Test
  void anEmptyChainIsIntact() throws SQLException {
    chain = ChainFixture.inMemory(UUID.randomUUID().toString());
    ChainVerifier.Report report = verify();
    assertTrue(report.intact());
    assertEquals(0, report.events());
  }

  @Test
  void oneChangedByteIsReportedAtExactlyItsEvent() throws SQLException {
    chain.asOwner(
        "UPDATE audit_event SET changes = REPLACE(changes, '\"de\"', '\"dE\"') WHERE seq = 7");
    ChainVerifier.Report report = verify();
    assertFalse(report.intact());
    assertEquals(7L, report.brokenAt());
    assertTrue(report.problem().contains("altered"), report.problem());
    assertEquals(6, report.events(), "events before the break are counted as checked");
  }

  @Test
  void aChangedTimestampActorOrReasonIsFoundToo() throws SQLException {
    chain.asOwner(
        "UPDATE audit_event SET occurred_at = occurred_at + INTERVAL '1' SECOND WHERE seq = 3",
        "UPDATE audit_event SET actor = 'someone-else' WHERE seq = 11");
    assertEquals(3L, verify().brokenAt());
  }

  @Test
  void aBreakInALaterBatchIsReportedAtItsEvent() throws SQLException {
    chain.asOwner("UPDATE audit_event SET reason = 'later' WHERE seq = 17");
    try (Connection c = chain.connect()) {
      ChainVerifier.Report report = ChainVerifier.verify(c, Optional.empty(), 2);
      assertEquals(17L, report.brokenAt());
      assertEquals(16, report.events());
    }
  }

  @Test
  void theEarliestBreakWinsWhateverBatchFindsIt() throws SQLException {
    // a gap in the second batch of three, an altered event in the fifth, hashed at the same time
    chain.asOwner(
        "UPDATE audit_event SET reason = 'later' WHERE seq = 14",
        "DELETE FROM audit_event WHERE seq = 5");
    ChainVerifier.Report gapFirst = verify();
    assertEquals(5L, gapFirst.brokenAt());
    assertTrue(gapFirst.problem().contains("missing"), gapFirst.problem());

    chain = ChainFixture.inMemory(UUID.randomUUID().toString()).append(20);
    chain.asOwner(
        "UPDATE audit_event SET reason = 'earlier' WHERE seq = 4",
        "DELETE FROM audit_event WHERE seq = 14");
    ChainVerifier.Report alteredFirst = verify();
    assertEquals(4L, alteredFirst.brokenAt());
    assertTrue(alteredFirst.problem().contains("altered"), alteredFirst.problem());
    assertEquals(3, alteredFirst.events());
  }

  @Test
  void aDeletedEventIsReportedAsAGap() throws SQLException {
    chain.asOwner("DELETE FROM audit_event WHERE seq = 5");
    ChainVerifier.Report report = verify();
    assertEquals(5L, report.brokenAt());
    assertTrue(report.problem().contains("missing"), report.problem());
  }

  @Test
  void swappedEventsAreReportedWhereTheOrderBreaks() throws SQLException {
    // move event 9 into place 8 and 8 into place 9, hashes and all
    chain.asOwner(
        "UPDATE audit_event SET seq = -9 WHERE seq = 9",
        "UPDATE audit_event SET seq = 9 WHERE seq = 8",
        "UPDATE audit_event SET seq = 8 WHERE seq = -9");
    ChainVerifier.Report report = verify();
    assertEquals(8L, report.brokenAt());
  }

  @Test
  void aRewriteThatRecomputesEveryHashIsCaughtByTheCheckpoint() throws SQLException {
    Checkpoint kept = new Checkpoint(12, hashOf(12), null, Instant.now(), "auditor");
    rewriteFrom(4, "forged");
    assertTrue(verify().intact(), "a full recomputation is invisible without an anchor");
    ChainVerifier.Report report = verify(Optional.of(kept));
    assertEquals(12L, report.brokenAt());
    assertTrue(report.problem().contains("checkpoint"), report.problem());
  }

  @Test
  void anIntactChainMatchesItsCheckpoint() throws SQLException {
    Checkpoint kept = new Checkpoint(12, hashOf(12), null, Instant.now(), "auditor");
    chain.append(5);
    ChainVerifier.Report report = verify(Optional.of(kept));
    assertTrue(report.intact(), report.summary());
    assertEquals(12L, report.checkpointSeq());
    assertTrue(report.summary().endsWith("matches checkpoint at event 12"));
  }

  @Test
  void cuttingOffTheNewestEventsIsCaughtByTheHeadOrTheCheckpoint() throws SQLException {
    Checkpoint kept = new Checkpoint(20, chain.headHash(), null, Instant.now(), "auditor");
    // the head's foreign key keeps event 20 alive; an owner moves the head back first
    chain.asOwner(
        "UPDATE audit_chain_head SET last_seq = 18, last_hash = '" + hashOf(18) + "'",
        "DELETE FROM audit_event WHERE seq > 18");
    ChainVerifier.Report report = verify(Optional.of(kept));
    assertEquals(19L, report.brokenAt());
    assertTrue(report.problem().contains("beyond the end"), report.problem());
    chain.asOwner("UPDATE audit_chain_head SET last_hash = '" + "f".repeat(64) + "'");
    ChainVerifier.Report headMismatch = verify();
    assertEquals(19L, headMismatch.brokenAt());
    assertTrue(headMismatch.problem().contains("chain head"), headMismatch.problem());
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveEvents() throws SQLException {
    try (Connection c = chain.connect();
        Statement s = c.createStatement()) {
      SQLException update =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("UPDATE audit_event SET actor = 'x' WHERE seq = 1"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      assertThrows(
          SQLException.class, () -> s.executeUpdate("DELETE FROM audit_event WHERE seq = 20"));
      assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE TABLE audit_event"));
    }
    assertTrue(verify().intact());
  }

  private String hashOf(long seq) throws SQLException {
    try (Connection c = chain.connect();
        PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_event WHERE seq = ?")) {
      s.setLong(1, seq);
      var rs = s.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * Alters event {@code from} and recomputes every later hash and the head, as an attacker would.
   */
  private void rewriteFrom(long from, String forgedActor) throws SQLException {
    List<AuditEvent> events = new ArrayList<>();
    try (Connection c = chain.connect()) {
      EventRows.walk(c, "", List.of(), "seq", e -> events.add(e));
    }
    List<String> statements = new ArrayList<>();
    String prev = AuditEvent.GENESIS;
    for (AuditEvent e : events) {
      AuditEvent.Content content = e.content();
      if (e.seq() == from) {
        content =
            new AuditEvent.Content(
                content.occurredAt(),
                forgedActor,
                content.actorRoles(),
                content.action(),
                content.entityType(),
                content.entityId(),
                content.caseId(),
                content.entityVersion(),
                content.changes(),
                content.reason(),
                content.requestId(),
                content.clientAddress());
      }
      AuditEvent rewritten = AuditEvent.append(e.seq(), prev, content);
      if (e.seq() >= from) {
        statements.add(
            "UPDATE audit_event SET actor = '"
                + rewritten.actor()
                + "', prev_hash = '"
                + rewritten.prevHash()
                + "', hash = '"
                + rewritten.hash()
                + "' WHERE seq = "
                + e.seq());
      }
      prev = rewritten.hash();
    }
    statements.add("UPDATE audit_chain_head SET last_hash = '" + prev + "'");
    chain.asOwner(statements.toArray(String[]::new));
  }

  @Test
  void checkpointsSurviveTheirFileFormat() {
    Checkpoint checkpoint =
        new Checkpoint(
            42,
            "a".repeat(64),
            Instant.parse("2026-11-23T08:00:00Z"),
            Instant.parse("2026-11-24T09:00:00Z"),
            "auditor");
    assertEquals(checkpoint, Checkpoint.fromJson(checkpoint.toJson()));
    assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromJson("{\"seq\":1}"));
    assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromJson("not json"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Checkpoint(0, "a".repeat(64), null, Instant.now(), "x"));
    assertNull(
        Checkpoint.fromJson(new Checkpoint(1, "b".repeat(64), null, Instant.now(), "x").toJson())
            .occurredAt());
  }
}
