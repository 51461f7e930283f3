package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outside demo mode an empty database gets no default accounts: the first administrator comes from
 * {@code CLAIMDESK_ADMIN_PASSWORD}, or else a one-time setup token is printed in the log.
 */
class FirstAdministratorIT {
  static final Pattern SETUP_LINE =
      Pattern.compile(
          "ClaimDesk is ready at http://localhost:(\\d+)/ \\(no accounts yet: open http://localhost:\\1/setup\\.xhtml with setup token ([0-9a-f]{24})\\)");

  static final String ADMIN_PASSWORD = "first-admin-" + HexFormat.of().formatHex(randomBytes(8));

  static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  static ServerProcess withAdminPassword;
  static ServerProcess withoutAdminPassword;

  /** Both servers start together: two starts cost little more than one. */
  @BeforeAll
  static void startBoth() {
    withAdminPassword =
        ServerProcess.in(ServerProcess.newWorkDir("first-admin-password"))
            .env("CLAIMDESK_DEMO", "false")
            .env("CLAIMDESK_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .start();
    withoutAdminPassword =
        ServerProcess.in(ServerProcess.newWorkDir("first-admin-setup-token"))
            .env("CLAIMDESK_DEMO", "false")
            .start();
  }

  @AfterAll
  static void stopBoth() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  void configuredPasswordCreatesOnlyTheAdministrator() {
    withAdminPassword.awaitHealthy();
    Api api = withAdminPassword.api();
    String log = withAdminPassword.log();

    Api.Reply issued =
        api.postWithBasic("api/tokens", "admin", ADMIN_PASSWORD, "{\"name\":\"first\"}");
    assertEquals(201, issued.status(), "admin signs in with CLAIMDESK_ADMIN_PASSWORD: " + issued);
    String token = issued.object().getString("token");
    Api.Reply mine = api.get("api/tokens", token);
    assertEquals(200, mine.status(), mine.toString());
    assertEquals(
        List.of("first"),
        mine.json().asJsonArray().stream().map(v -> v.asJsonObject().getString("name")).toList());

    // The list proves that no demo account exists; one sign-in shows the door is shut too (each
    // refused password costs a 600,000-iteration hash, seconds on a busy machine).
    Api.Reply accounts = api.get("api/accounts", token);
    assertEquals(200, accounts.status(), accounts.toString());
    assertEquals(
        List.of("admin [ADMIN]"),
        accounts.json().asJsonArray().stream()
            .map(v -> v.asJsonObject())
            .map(
                a ->
                    a.getString("username")
                        + " "
                        + a.getJsonArray("roles").getValuesAs(JsonString::getString))
            .toList(),
        "only the administrator exists, no demo account: " + accounts);
    Api.Reply demoUser = api.postWithBasic("api/tokens", "factchecker", Api.DEMO_PASSWORD, "{}");
    assertEquals(
        401, demoUser.status(), "the demo account must not exist outside demo mode: " + demoUser);

    Api.Reply articles = api.get("api/articles", token);
    assertEquals(200, articles.status(), articles.toString());
    assertEquals(
        0,
        articles.object().getJsonNumber("total").longValue(),
        "no demo articles outside demo mode");

    assertTrue(
        log.contains("Created the first administrator 'admin' from CLAIMDESK_ADMIN_PASSWORD."),
        withAdminPassword.diagnosis());
    assertFalse(
        log.contains("setup token"),
        "no setup token when the administrator exists\n" + withAdminPassword.diagnosis());
    assertFalse(
        log.contains(ADMIN_PASSWORD), "the administrator password never appears in the log");
  }

  @Test
  void withoutPasswordTheLogCarriesASetupTokenAndNobodyCanSignIn() throws SQLException {
    withoutAdminPassword.awaitHealthy();
    Api api = withoutAdminPassword.api();
    String log = withoutAdminPassword.log();

    Matcher setup = SETUP_LINE.matcher(log);
    assertTrue(
        setup.find(),
        "the ready line carries the setup page and a setup token\n"
            + withoutAdminPassword.diagnosis());
    assertEquals(
        String.valueOf(withoutAdminPassword.port()),
        setup.group(1),
        "the setup URL names the port ClaimDesk listens on");
    String setupToken = setup.group(2);
    assertFalse(setup.find(), "exactly one setup token line");

    // The likely guesses are refused; the empty account table below proves that every other one
    // is too (each refused password costs a 600,000-iteration hash, seconds on a busy machine).
    for (String password : List.of(setupToken, Api.DEMO_PASSWORD)) {
      Api.Reply reply = api.postWithBasic("api/tokens", "admin", password, "{}");
      assertEquals(
          401,
          reply.status(),
          "no account 'admin' before the setup is completed (password '"
              + password
              + "'): "
              + reply);
    }
    assertEquals(
        401,
        api.postWithBasic("api/tokens", "factchecker", Api.DEMO_PASSWORD, "{}").status(),
        "the demo account factchecker must not exist");
    Api.Reply anonymous = api.get("api/articles", null);
    assertEquals(401, anonymous.status(), "the API stays closed: " + anonymous);
    assertFalse(log.contains("Created the first administrator"), withoutAdminPassword.diagnosis());

    withoutAdminPassword.stop();
    // the default H2 URL is relative to the server's working directory
    String url = "jdbc:h2:file:" + withoutAdminPassword.workDir().resolve("data/claimdesk");
    try (Connection db = DriverManager.getConnection(url, "claimdesk", "claimdesk");
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT username FROM account")) {
      assertFalse(rs.next(), "no account at all before the setup is completed");
    }
  }
}
