package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.claimdesk.article.DemoArticles;
import org.claimdesk.identity.FirstAccounts;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside the server: demo mode created its accounts and articles exactly once. */
@ExtendWith(ArquillianExtension.class)
class DemoDataIT {
  @Inject DemoArticles demoArticles;
  @Inject FirstAccounts firstAccounts;

  private static Connection connection() throws Exception {
    return ((DataSource) new InitialContext().lookup(ClaimDeskDataSource.JNDI_NAME))
        .getConnection();
  }

  @Test
  void aSecondImportOfTheSeedsImportsNothing() throws Exception {
    assertEquals(0, demoArticles.importMissing());
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM article WHERE imported_by = 'demo'")) {
      rs.next();
      assertEquals(5, rs.getInt(1));
    }
  }

  @Test
  void demoAccountsExistOnceWithTheirRoles() throws Exception {
    assertFalse(
        firstAccounts.createDemoAccountsIfEmpty(), "accounts exist: nothing is created again");
    Map<String, String> roles = new HashMap<>();
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.username, r.role FROM account a JOIN account_role r ON r.account_id = a.id")) {
      while (rs.next()) {
        roles.merge(rs.getString(1), rs.getString(2), (x, y) -> x + "," + y);
      }
    }
    assertEquals("FACT_CHECKER", roles.get("factchecker"));
    assertEquals("FACT_CHECKER", roles.get("factchecker2"));
    assertEquals("SUPERVISOR", roles.get("supervisor"));
    assertEquals("SUPERVISOR", roles.get("supervisor2"));
    assertEquals("AUDITOR", roles.get("auditor"));
    assertEquals("ADMIN", roles.get("admin"));
  }

  @Test
  void passwordsAreStoredAsPbkdf2Sha256With600000Iterations() throws Exception {
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT username, password_hash FROM account")) {
      int seen = 0;
      while (rs.next()) {
        String hash = rs.getString(2);
        assertTrue(
            hash.startsWith("PBKDF2WithHmacSHA256:600000:"),
            rs.getString(1) + ": " + hash.substring(0, 30));
        assertFalse(hash.contains("claimdesk-demo"));
        seen++;
      }
      assertTrue(seen >= 6);
    }
  }

  @Test
  void tokenSecretsAreStoredOnlyAsHashes() throws Exception {
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT secret_hash, secret_prefix FROM api_token")) {
      while (rs.next()) {
        assertTrue(rs.getString(1).matches("[0-9a-f]{64}"));
        assertEquals(10, rs.getString(2).length());
      }
    }
  }
}
