package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Personal API tokens as an API client uses them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokensIT {
  @ArquillianResource URL deployment;
  Api api;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
  }

  @Test
  void basicCredentialsOnceYieldATokenThatOpensTheApi() {
    Api.Reply issued =
        api.postWithBasic(
            "api/tokens",
            "factchecker",
            Api.DEMO_PASSWORD,
            "{\"name\":\"laptop\",\"validDays\":30}");
    assertEquals(201, issued.status(), issued.toString());
    String token = issued.object().getString("token");
    assertTrue(token.startsWith("cdk_") && token.length() > 40, token);
    JsonObject details = issued.object().getJsonObject("details");
    assertEquals("laptop", details.getString("name"));
    assertTrue(token.startsWith(details.getString("prefix")));

    Api.Reply articles = api.get("api/articles", token);
    assertEquals(200, articles.status(), articles.toString());
    assertTrue(articles.object().getInt("total") >= 5, articles.toString());
  }

  @Test
  void theTokenListNeverShowsSecrets() {
    String token = api.sharedToken("factchecker2");
    Api.Reply list = api.get("api/tokens", token);
    assertEquals(200, list.status());
    assertFalse(list.body().contains(token), "the secret must appear only once, when issued");
    assertFalse(list.body().contains(token.substring(12)));
  }

  @Test
  void wrongUnknownOrMalformedTokensGet401ProblemJson() {
    for (String wrong : new String[] {"cdk_wrong", "not-even-a-token", ""}) {
      Api.Reply reply = api.get("api/articles", wrong);
      assertEquals(401, reply.status(), wrong);
      assertTrue(reply.isProblem(), reply.toString());
      assertEquals(401, reply.object().getInt("status"));
      assertFalse(reply.object().getString("detail").isBlank());
    }
  }

  @Test
  void withoutCredentialsTheApiAnswers401ButHealthIsOpen() {
    Api.Reply articles = api.get("api/articles", null);
    assertEquals(401, articles.status());
    assertTrue(articles.isProblem());
    assertTrue(
        articles.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertEquals(200, api.get("api/health", null).status());
  }

  @Test
  void wrongPasswordGetsNoToken() {
    Api.Reply reply = api.postWithBasic("api/tokens", "supervisor2", "wrong-password-1", "{}");
    assertEquals(401, reply.status());
    assertTrue(reply.isProblem());
  }

  @Test
  void basicCredentialsAreRefusedEverywhereElse() {
    Api.Reply reply = api.postWithBasic("api/articles", "factchecker", Api.DEMO_PASSWORD, "{}");
    assertEquals(401, reply.status());
    assertTrue(reply.object().getString("detail").contains("Bearer"));
  }

  @Test
  void aRevokedTokenStopsWorkingAtOnce() {
    String keep = api.sharedToken("supervisor");
    String revoke = api.tokenFor("supervisor");
    long id =
        api.get("api/tokens", revoke)
            .json()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    assertEquals(204, api.delete("api/tokens/" + id, revoke).status());
    assertEquals(401, api.get("api/articles", revoke).status());
    assertEquals(200, api.get("api/articles", keep).status());
  }

  @Test
  void nobodyRevokesSomebodyElsesTokenButAnAdministratorMay() {
    String owner = api.tokenFor("auditor");
    long id =
        api.get("api/tokens", owner)
            .json()
            .asJsonArray()
            .getJsonObject(0)
            .getJsonNumber("id")
            .longValue();
    Api.Reply refused = api.delete("api/tokens/" + id, api.sharedToken("factchecker"));
    assertEquals(403, refused.status());
    assertTrue(refused.isProblem());
    assertEquals(200, api.get("api/articles", owner).status());
    assertEquals(204, api.delete("api/tokens/" + id, api.sharedToken("admin")).status());
    assertEquals(401, api.get("api/articles", owner).status());
  }

  @Test
  void validityIsBetweenOneAnd365Days() {
    String token = api.sharedToken("factchecker");
    for (int days : new int[] {0, -1, 366}) {
      Api.Reply reply =
          api.post("api/tokens", token, "{\"name\":\"x\",\"validDays\":" + days + "}");
      assertEquals(400, reply.status(), reply.toString());
      assertTrue(reply.isProblem());
    }
  }
}
