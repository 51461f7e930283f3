package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Walks the whole audit chain in sequence order and reports either "N events, intact" or the first
 * broken sequence number and why. Plain JDBC, so the same check runs inside ClaimDesk and from the
 * command line against a stopped database. The hashes are checked on other threads while rows are
 * read ({@link HashedBatches}); everything that needs the order is checked here, event by event.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /** The outcome. {@code brokenAt} is the first sequence number that fails, if any. */
  public record Report(
      long events, String headHash, Long brokenAt, String problem, Long checkpointSeq)
      implements java.io.Serializable {
    public boolean intact() {
      return brokenAt == null;
    }

    public String summary() {
      if (!intact()) {
        return "BROKEN at event " + brokenAt + ": " + problem;
      }
      return events
          + " events, intact, head hash "
          + headHash
          + (checkpointSeq == null ? "" : "; matches checkpoint at event " + checkpointSeq);
    }
  }

  public static Report verify(Connection connection, Optional<Checkpoint> against)
      throws SQLException {
    return verify(connection, against, 1000);
  }

  /** With events hashed in batches of {@code batchSize}, on other threads than the reader. */
  static Report verify(Connection connection, Optional<Checkpoint> against, int batchSize)
      throws SQLException {
    Walk walk = new Walk(against.orElse(null));
    try (HashedBatches hashed = new HashedBatches(batchSize, walk::visit)) {
      EventRows.walkChain(connection, hashed::add);
      hashed.finish();
    }
    if (walk.brokenAt != null) {
      return walk.report();
    }
    long headSeq;
    String headHash;
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
      if (!rs.next()) {
        return walk.broken(walk.count + 1, "the chain head row is missing");
      }
      headSeq = rs.getLong(1);
      headHash = rs.getString(2);
    }
    if (headSeq == walk.lastSeq && !headHash.equals(walk.lastHash)) {
      return walk.broken(
          walk.lastSeq + 1,
          "the chain head's hash does not match event "
              + walk.lastSeq
              + ": the head row was rewritten");
    }
    if (headSeq != walk.lastSeq) {
      return walk.broken(
          walk.lastSeq + 1,
          "the chain head (event "
              + headSeq
              + ") does not match the newest event in the log (event "
              + walk.lastSeq
              + "): the newest events are missing or were replaced");
    }
    if (against.isPresent() && !walk.checkpointSeen) {
      return walk.broken(
          walk.lastSeq + 1,
          "the checkpoint names event " + against.get().seq() + ", beyond the end of the log");
    }
    return walk.report();
  }

  /** The state of one walk along the chain. */
  private static final class Walk {
    final Checkpoint checkpoint;
    long count;
    long lastSeq;
    String lastHash = AuditEvent.GENESIS;
    Long brokenAt;
    String problem;
    boolean checkpointSeen;

    Walk(Checkpoint checkpoint) {
      this.checkpoint = checkpoint;
    }

    boolean visit(AuditEvent event, boolean hashMatchesContent) {
      long expected = lastSeq + 1;
      if (event.seq() != expected) {
        broken(
            expected, "event " + expected + " is missing (a gap before event " + event.seq() + ")");
      } else if (!event.prevHash().equals(lastHash)) {
        broken(
            event.seq(),
            "its prev_hash does not match the hash of event "
                + lastSeq
                + " (removed, reordered or rewritten)");
      } else if (!hashMatchesContent) {
        broken(event.seq(), "its content does not match its hash (the event was altered)");
      } else if (checkpoint != null
          && checkpoint.seq() == event.seq()
          && !checkpoint.hash().equals(event.hash())) {
        broken(
            event.seq(),
            "its hash differs from the checkpoint exported "
                + checkpoint.exportedAt()
                + " by "
                + checkpoint.exportedBy()
                + " (history up to here was rewritten)");
      }
      if (brokenAt != null) {
        return false;
      }
      checkpointSeen |= checkpoint != null && checkpoint.seq() == event.seq();
      count++;
      lastSeq = event.seq();
      lastHash = event.hash();
      return true;
    }

    Report broken(long seq, String why) {
      brokenAt = seq;
      problem = why;
      return report();
    }

    Report report() {
      return new Report(
          count, lastHash, brokenAt, problem, checkpointSeen ? checkpoint.seq() : null);
    }
  }
}
