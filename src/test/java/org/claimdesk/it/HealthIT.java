package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, OpenAPI and the security headers every response carries. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {
  @ArquillianResource URL deployment;

  @Test
  void healthAnswersWithoutLoginAndReportsTheDatabase() {
    Api.Reply reply = Api.at(deployment).get("api/health", null);
    assertEquals(200, reply.status(), reply.toString());
    assertEquals("UP", reply.object().getString("database"));
  }

  @Test
  void livenessSaysOnlyThatTheProcessAnswersAndReadinessChecksTheDatabase() {
    Api api = Api.at(deployment);
    Api.Reply live = api.get("api/health/live", "stale-token");
    assertEquals(200, live.status(), live.toString());
    assertEquals("UP", live.object().getString("status"));
    assertTrue(!live.object().containsKey("database"), "liveness touches no database: " + live);

    Api.Reply ready = api.get("api/health/ready", "stale-token");
    assertEquals(200, ready.status(), ready.toString());
    assertEquals("UP", ready.object().getString("database"));
    assertTrue(ready.object().getJsonObject("search").containsKey("appliedSeq"), ready.toString());
  }

  @Test
  void securityHeadersAreOnAnswersAndRefusals() {
    Api api = Api.at(deployment);
    for (Api.Reply reply :
        new Api.Reply[] {
          api.get("api/health", null), api.get("api/articles", null), api.get("login.xhtml", null)
        }) {
      var headers = reply.raw().headers();
      String csp = headers.firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'"), reply.raw().uri() + " " + csp);
      assertEquals(
          "nosniff",
          headers.firstValue("X-Content-Type-Options").orElse(""),
          reply.raw().uri().toString());
      assertEquals(
          "same-origin",
          headers.firstValue("Referrer-Policy").orElse(""),
          reply.raw().uri().toString());
    }
  }

  /**
   * The desk's own stylesheet and scripts carry the hash of their content in their address, so
   * browsers may cache them and still never show a release with last release's styles.
   */
  @Test
  void theDesksOwnResourcesAreVersionedByTheirContentAndCached() {
    Api api = Api.at(deployment);
    String page = api.get("login.xhtml", null).body();
    Matcher css =
        Pattern.compile(
                "/jakarta\\.faces\\.resource/desk\\.css\\.xhtml\\?ln=claimdesk&(?:amp;)?v=([0-9a-f]{12})")
            .matcher(page);
    assertTrue(css.find(), "desk.css is linked with its content hash: " + page);
    Api.Reply sheet =
        api.get("jakarta.faces.resource/desk.css.xhtml?ln=claimdesk&v=" + css.group(1), null);
    assertEquals(200, sheet.status());
    assertTrue(sheet.body().contains(".case-work"), "the stylesheet itself");
    var headers = sheet.raw().headers();
    assertTrue(
        headers.firstValue("Cache-Control").orElse("").contains("max-age=")
            || headers.firstValue("Expires").isPresent(),
        headers.toString());
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() {
    Api.Reply login = Api.at(deployment).get("login.xhtml", null);
    String cookie =
        login.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID"))
            .findFirst()
            .orElse("");
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpoint() {
    Api app = Api.at(deployment);
    Api.Reply reply = Api.at(app.base().resolve("/")).get("openapi", null);
    assertEquals(200, reply.status(), reply.toString());
    for (String path :
        new String[] {
          "/api/health:",
          "/api/articles:",
          "/api/articles/{id}:",
          "/api/tokens:",
          "/api/tokens/{id}:",
          "/api/accounts:",
          "/api/accounts/{username}:",
          "/api/accounts/{username}/roles:",
          "/api/accounts/{username}/disable:",
          "/api/accounts/{username}/enable:",
          "/api/accounts/{username}/password:",
          "/api/audit:",
          "/api/audit/verify:",
          "/api/audit/export:",
          "/api/audit/checkpoint:",
          "/api/audit/entities/{type}/{id}:",
          "/api/attachments/{sha256}:",
          "/api/cases:",
          "/api/cases/export:",
          "/api/cases/claims-without-case:",
          "/api/cases/assignable:",
          "/api/cases/generate:",
          "/api/cases/{caseId}/verdict:",
          "/api/cases/{caseId}/verdict/versions:",
          "/api/cases/{caseId}/verdict/reviews:",
          "/api/cases/{caseId}/verdict/comments:",
          "/api/cases/{caseId}/verdict/cross-check:",
          "/api/cases/{caseId}/transitions:",
          "/api/cases/{caseId}/claimreview:",
          "/api/claimreviews:",
          "/api/scales:",
          "/api/scales/{id}/ratings:",
          "/api/scales/{id}/retire:",
          "/api/review-policy:",
          "/api/dashboard:"
        }) {
      assertTrue(reply.body().contains(path), "OpenAPI lacks " + path);
    }
    assertTrue(reply.body().contains("bearer"), "the bearer scheme is described");
  }

  /**
   * Browsers ask for /favicon.ico on the login page; when it was protected, the login sent people
   * there instead of to the page they had asked for.
   */
  @Test
  void theFaviconNeverLeadsToTheLoginPage() {
    Api.Reply favicon = Api.at(deployment).get("favicon.ico", null);
    assertTrue(favicon.status() != 302 && favicon.status() != 401, favicon.toString());
  }

  @Test
  void unknownApiPathsAre404ProblemJsonWithoutInternals() {
    Api api = Api.at(deployment);
    Api.Reply reply = api.get("api/no-such-thing", api.sharedToken("factchecker"));
    assertEquals(404, reply.status(), reply.toString());
    assertTrue(reply.isProblem(), reply.toString());
  }
}
