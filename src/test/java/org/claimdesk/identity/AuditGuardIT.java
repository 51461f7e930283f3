package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.audit.ChainVerifier;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server, on ClaimDesk's own database: no change without its event, no way for the
 * application to rewrite the trail, and tampering by the database owner found at its exact event.
 */
@ExtendWith(ArquillianExtension.class)
class AuditGuardIT {

  /** Code that changes an audited entity and "forgets" the audit trail. */
  @ApplicationScoped
  public static class ForgetfulService {
    @PersistenceContext EntityManager em;

    @Transactional
    public void disableWithoutAudit(String username) {
      em.createNamedQuery("Account.byUsername", Account.class)
          .setParameter("username", username)
          .getSingleResult()
          .disable();
    }
  }

  @Inject ForgetfulService forgetful;

  private static Connection connection() throws Exception {
    return ((DataSource) new InitialContext().lookup(ClaimDeskDataSource.JNDI_NAME))
        .getConnection();
  }

  @Test
  void aChangeWithoutItsEventFailsTheTransaction() throws Exception {
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> forgetful.disableWithoutAudit("factchecker2"));
    Throwable cause = refused;
    while (cause != null && !(cause instanceof AuditedEntityGuard.UnauditedChange)) {
      cause = cause.getCause();
    }
    assertTrue(
        cause instanceof AuditedEntityGuard.UnauditedChange, "refused by the guard: " + refused);
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT enabled FROM account WHERE username = 'factchecker2'")) {
      rs.next();
      assertTrue(rs.getBoolean(1), "the unaudited change was rolled back");
    }
  }

  @Test
  void theApplicationsDatabaseUserCannotUpdateOrDeleteEvents() throws Exception {
    try (Connection c = connection();
        Statement s = c.createStatement()) {
      assertThrows(
          SQLException.class,
          () -> s.executeUpdate("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1"));
      assertThrows(
          SQLException.class, () -> s.executeUpdate("DELETE FROM audit_event WHERE seq = 1"));
      assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE TABLE audit_event"));
    }
  }

  @Test
  void oneChangedByteOrAMissingRowIsFoundAtItsEvent() throws Exception {
    try (Connection c = connection()) {
      assertTrue(ChainVerifier.verify(c, Optional.empty()).intact());
      long target = 3;
      String original = value(c, "SELECT changes FROM audit_event WHERE seq = " + target);
      asOwner(
          c,
          "UPDATE audit_event SET changes = ? WHERE seq = " + target,
          original.replaceFirst("a", "b"));
      try {
        ChainVerifier.Report report = ChainVerifier.verify(c, Optional.empty());
        assertFalse(report.intact());
        assertEquals(target, report.brokenAt());
      } finally {
        asOwner(c, "UPDATE audit_event SET changes = ? WHERE seq = " + target, original);
      }
      assertTrue(ChainVerifier.verify(c, Optional.empty()).intact(), "restored");

      String row =
          "SELECT "
              + String.join(
                  ",",
                  "seq",
                  "occurred_at",
                  "actor",
                  "actor_roles",
                  "action",
                  "entity_type",
                  "entity_id",
                  "case_id",
                  "entity_version",
                  "changes",
                  "reason",
                  "request_id",
                  "client_address",
                  "prev_hash",
                  "hash")
              + " FROM audit_event WHERE seq = 4";
      Object[] saved = new Object[15];
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(row)) {
        rs.next();
        for (int i = 0; i < 15; i++) {
          saved[i] = rs.getObject(i + 1);
        }
      }
      asOwner(c, "DELETE FROM audit_event WHERE seq = 4");
      try {
        ChainVerifier.Report report = ChainVerifier.verify(c, Optional.empty());
        assertEquals(4L, report.brokenAt());
        assertTrue(report.problem().contains("missing"), report.problem());
      } finally {
        try (PreparedStatement p =
            c.prepareStatement("INSERT INTO audit_event VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
          for (int i = 0; i < 15; i++) {
            p.setObject(i + 1, saved[i]);
          }
          p.executeUpdate();
        }
      }
      assertTrue(ChainVerifier.verify(c, Optional.empty()).intact(), "restored");
    }
  }

  private static String value(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** As the database owner: the append-only trigger off for one statement, then on again. */
  private static void asOwner(Connection c, String sql, String... parameters) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER audit_event_append_only");
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          p.setString(i + 1, parameters[i]);
        }
        p.executeUpdate();
      } finally {
        s.execute(
            "CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'org.claimdesk.audit.AppendOnlyTrigger'");
      }
    }
  }
}
