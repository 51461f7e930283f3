package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** User administration: only administrators, with the rules enforced by the service. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsAdminIT {
  static final String PASSWORD = "a-long-enough-password";

  @ArquillianResource URL deployment;
  Api api;
  String admin;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    admin = api.sharedToken("admin");
  }

  private String newUser(String roles) {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\"Test Person\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":["
                + roles
                + "]}");
    assertEquals(201, created.status(), created.toString());
    return username;
  }

  private String tokenOf(String username, String password) {
    Api.Reply reply = api.postWithBasic("api/tokens", username, password, "{}");
    return reply.status() == 201 ? reply.object().getString("token") : null;
  }

  @Test
  void anAdministratorCreatesAPersonWhoCanSignIn() {
    String username = newUser("\"FACT_CHECKER\",\"SUPERVISOR\"");
    var view = api.get("api/accounts/" + username, admin).object();
    assertEquals(2, view.getJsonArray("roles").size());
    assertTrue(view.getBoolean("enabled"));
    String token = tokenOf(username, PASSWORD);
    assertEquals(200, api.get("api/articles", token).status());
  }

  @Test
  void disablingStopsTheTokensAndEnablingRestoresThem() {
    String username = newUser("\"FACT_CHECKER\"");
    String token = tokenOf(username, PASSWORD);
    assertEquals(200, api.post("api/accounts/" + username + "/disable", admin, "").status());
    assertEquals(401, api.get("api/articles", token).status());
    assertEquals(
        null, tokenOf(username, PASSWORD), "a disabled person cannot get a new token either");
    assertEquals(200, api.post("api/accounts/" + username + "/enable", admin, "").status());
    assertEquals(200, api.get("api/articles", token).status());
  }

  @Test
  void newRolesApplyToTheNextRequest() {
    String username = newUser("\"FACT_CHECKER\"");
    String token = tokenOf(username, PASSWORD);
    assertEquals(403, api.get("api/accounts", token).status());
    Api.Reply changed =
        api.send("PUT", "api/accounts/" + username + "/roles", admin, "{\"roles\":[\"ADMIN\"]}");
    assertEquals(200, changed.status(), changed.toString());
    assertEquals(200, api.get("api/accounts", token).status());
  }

  @Test
  void aPasswordResetReplacesTheOldPassword() {
    String username = newUser("\"AUDITOR\"");
    Api.Reply reset =
        api.send(
            "PUT",
            "api/accounts/" + username + "/password",
            admin,
            "{\"password\":\"another-long-password\"}");
    assertEquals(204, reset.status(), reset.toString());
    assertEquals(null, tokenOf(username, PASSWORD));
    assertTrue(tokenOf(username, "another-long-password").startsWith("cdk_"));
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
    String username = newUser("\"FACT_CHECKER\"");
    for (int i = 0; i < 5; i++) {
      assertEquals(null, tokenOf(username, "wrong-password-" + i));
    }
    assertEquals(null, tokenOf(username, PASSWORD), "locked: even the right password is refused");
    assertEquals(
        204,
        api.send(
                "PUT",
                "api/accounts/" + username + "/password",
                admin,
                "{\"password\":\"" + PASSWORD + "\"}")
            .status());
    assertTrue(tokenOf(username, PASSWORD).startsWith("cdk_"), "a reset lifts the lock");
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    String[][] cases = {
      {
        "{\"username\":\"Bad Name\",\"displayName\":\"X\",\"password\":\""
            + PASSWORD
            + "\",\"roles\":[\"AUDITOR\"]}",
        "user name"
      },
      {
        "{\"username\":\"shortpw\",\"displayName\":\"X\",\"password\":\"short\",\"roles\":[\"AUDITOR\"]}",
        "12 characters"
      },
      {
        "{\"username\":\"noroles\",\"displayName\":\"X\",\"password\":\""
            + PASSWORD
            + "\",\"roles\":[]}",
        "role"
      },
      {
        "{\"username\":\"factchecker\",\"displayName\":\"X\",\"password\":\""
            + PASSWORD
            + "\",\"roles\":[\"AUDITOR\"]}",
        "taken"
      },
    };
    for (String[] c : cases) {
      Api.Reply reply = api.post("api/accounts", admin, c[0]);
      assertTrue(reply.status() == 400 || reply.status() == 409, reply.toString());
      assertTrue(reply.isProblem(), reply.toString());
      assertTrue(reply.object().getString("detail").contains(c[1]), reply.toString());
    }
    Api.Reply malformed = api.post("api/accounts", admin, "{not json");
    assertEquals(400, malformed.status(), malformed.toString());
    assertTrue(malformed.isProblem());
    assertFalse(
        malformed.body().contains("Exception"), "no internals in errors: " + malformed.body());
  }

  @Test
  void administratorsCannotLockThemselvesOut() {
    Api.Reply disableSelf = api.post("api/accounts/admin/disable", admin, "");
    assertEquals(409, disableSelf.status());
    Api.Reply dropAdmin =
        api.send("PUT", "api/accounts/admin/roles", admin, "{\"roles\":[\"AUDITOR\"]}");
    assertEquals(403, dropAdmin.status(), "nobody changes their own roles: " + dropAdmin);
    assertEquals(200, api.get("api/accounts", admin).status());
  }

  @Test
  void nobodyGivesThemselvesARoleAnotherAdministratorMust() {
    String second = newUser("\"ADMIN\"");
    String token = tokenOf(second, PASSWORD);
    Api.Reply self =
        api.send(
            "PUT",
            "api/accounts/" + second + "/roles",
            token,
            "{\"roles\":[\"ADMIN\",\"SUPERVISOR\"]}");
    assertEquals(403, self.status(), self.toString());
    assertTrue(self.isProblem(), self.toString());
    assertTrue(self.object().getString("detail").contains("another administrator"), self.body());
    assertEquals(
        "[\"ADMIN\"]",
        api.get("api/accounts/" + second, admin).object().getJsonArray("roles").toString(),
        "the roles stay as they were");
    var refusals =
        api.get(
                "api/audit?limit=10&action=access.refused&actor=" + second,
                api.sharedToken("auditor"))
            .object()
            .getJsonArray("items");
    assertEquals(1, refusals.size(), refusals.toString());
    assertTrue(
        refusals.getJsonObject(0).getString("reason").contains("another administrator"),
        refusals.toString());

    Api.Reply byAnother =
        api.send(
            "PUT",
            "api/accounts/" + second + "/roles",
            admin,
            "{\"roles\":[\"ADMIN\",\"SUPERVISOR\"]}");
    assertEquals(200, byAnother.status(), byAnother.toString());
    assertEquals(2, byAnother.object().getJsonArray("roles").size(), byAnother.toString());
  }
}
