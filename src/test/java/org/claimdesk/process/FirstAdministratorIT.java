package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
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
  static final List<String> DEMO_USERS =
      List.of("factchecker", "factchecker2", "supervisor", "supervisor2", "auditor", "admin");
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

    for (String demoUser : DEMO_USERS) {
      Api.Reply reply = api.postWithBasic("api/tokens", demoUser, Api.DEMO_PASSWORD, "{}");
      assertEquals(
          401,
          reply.status(),
          "demo account "
              + demoUser
              + " with the demo password must not exist outside demo mode: "
              + reply);
    }

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
  void withoutPasswordTheLogCarriesASetupTokenAndNobodyCanSignIn() {
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

    for (String password : List.of(Api.DEMO_PASSWORD, setupToken, "admin", "")) {
      Api.Reply reply = api.postWithBasic("api/tokens", "admin", password, "{}");
      assertEquals(
          401,
          reply.status(),
          "no account 'admin' before the setup is completed (password '"
              + password
              + "'): "
              + reply);
    }
    for (String demoUser : DEMO_USERS) {
      assertEquals(
          401,
          api.postWithBasic("api/tokens", demoUser, Api.DEMO_PASSWORD, "{}").status(),
          demoUser + " must not exist");
    }
    Api.Reply anonymous = api.get("api/articles", null);
    assertEquals(401, anonymous.status(), "the API stays closed: " + anonymous);
    assertFalse(log.contains("Created the first administrator"), withoutAdminPassword.diagnosis());
  }
}
