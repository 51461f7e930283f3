package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server: the generator's bulk append (JDBC, in the transaction of a JPA-recorded
 * event) continues the one chain, and the next ordinary event links onto it.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedEventsIT {

  /** A generator's transaction in miniature: an event through JPA, then a batch over JDBC. */
  @ApplicationScoped
  public static class MiniGenerator {
    @Inject AuditTrail audit;

    @Transactional
    public void batchOf(int n) throws SQLException {
      audit.record(Change.about("cases.generated", "case-batch", "test-" + n));
      try (Connection c = connection()) {
        audit.recordGenerated(
            c,
            LongStream.range(0, n)
                .mapToObj(
                    i ->
                        new AuditEvent.Content(
                            Instant.now(),
                            "factchecker",
                            "FACT_CHECKER",
                            "note.written",
                            "note",
                            "generated-" + i,
                            null,
                            1L,
                            "{}",
                            null,
                            null,
                            null))
                .toList());
      }
    }

    @Transactional
    public void ordinary() {
      audit.record(Change.about("cases.generated", "case-batch", "after"));
    }
  }

  @Inject MiniGenerator generator;

  private static Connection connection() throws SQLException {
    try {
      return ((DataSource) new InitialContext().lookup(ClaimDeskDataSource.JNDI_NAME))
          .getConnection();
    } catch (javax.naming.NamingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long head() throws SQLException {
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT last_seq FROM audit_chain_head")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void generatedEventsContinueTheChainAndTheNextEventLinksOntoThem() throws Exception {
    long before = head();
    generator.batchOf(2500);
    generator.ordinary();
    assertEquals(before + 1 + 2500 + 1, head(), "the head moved past every event");
    try (Connection c = connection()) {
      ChainVerifier.Report report = ChainVerifier.verify(c, Optional.empty());
      assertTrue(report.intact(), report.toString());
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'note.written' AND entity_id"
                      + " LIKE 'generated-%' AND seq > "
                      + before)) {
        rs.next();
        assertEquals(2500, rs.getLong(1));
      }
    }
  }
}
