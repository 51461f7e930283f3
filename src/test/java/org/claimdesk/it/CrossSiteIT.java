package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Changes through {@code /api} with the browser's session cookie come only from ClaimDesk's own
 * pages: from another origin (another port of the same host included) they are refused with 403
 * problem+json, nothing is stored and the refusal is the only new audit event. Bearer tokens and
 * the session's downloads work as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteIT {
  static final String FOREIGN = "http://127.0.0.1:1";

  @ArquillianResource URL deployment;
  Api api;
  // one token and one session per person for the whole class: each costs a password check
  static String checker;
  static String supervisor;
  static String auditor;
  static String checkerSession;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    if (checker == null) {
      checker = api.sharedToken("factchecker");
      supervisor = api.sharedToken("supervisor");
      auditor = api.sharedToken("auditor");
      checkerSession = api.sessionFor("factchecker");
    }
  }

  /** This server's own origin, as a browser on its pages names it. */
  String own() {
    return "http://127.0.0.1:" + deployment.getPort();
  }

  long articles() {
    Api.Reply reply = api.get("api/articles?limit=1", checker);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonNumber("total").longValue();
  }

  long unread() {
    Api.Reply reply = api.get("api/inbox?limit=1", checker);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonNumber("unread").longValue();
  }

  JsonObject newestEvent() {
    Api.Reply reply = api.get("api/audit?limit=1", auditor);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getJsonObject(0);
  }

  /** The fact-checker gets an unread inbox entry: the supervisor mentions them in a note. */
  void mentionTheChecker() {
    JsonObject opened =
        new Desk(api, api::sharedToken)
            .openCase(new Desk(api, api::sharedToken).newClaim(supervisor), supervisor);
    Api.Reply note =
        api.post(
            "api/cases/" + opened.getJsonNumber("id").longValue() + "/notes",
            supervisor,
            "{\"body\":\"@factchecker please look\"}");
    assertEquals(201, note.status(), note.toString());
  }

  /**
   * Sends the request, expects the cross-site refusal and checks that the audit chain grew by
   * exactly that refusal.
   */
  void assertRefused(
      String method, String path, String contentType, String body, String... headers) {
    JsonObject before = newestEvent();
    Api.Reply reply = api.sendAs(method, path, null, contentType, body, headers);
    assertEquals(403, reply.status(), reply.toString());
    assertTrue(reply.isProblem(), reply.toString());
    assertTrue(reply.object().getString("detail").contains("Bearer"), reply.toString());
    JsonObject refusal = newestEvent();
    assertEquals(
        before.getJsonNumber("seq").longValue() + 1, refusal.getJsonNumber("seq").longValue());
    assertEquals(before.getString("hash"), refusal.getString("prevHash"));
    assertEquals("access.refused", refusal.getString("action"));
    assertEquals("factchecker", refusal.getString("actor"));
    assertEquals("/" + path.split("\\?")[0], refusal.getString("entityId"));
    assertTrue(refusal.getString("reason").startsWith("cross-site write"), refusal.toString());
  }

  @Test
  void crossSiteWritesWithTheSessionAreRefusedAndStoreNothing() {
    mentionTheChecker();
    long claim = new Desk(api, api::sharedToken).newClaim(checker);
    long articles = articles();
    long unread = unread();
    assertTrue(unread > 0, "the checker has something unread");
    String text = "{\"text\":\"Cross-site article " + System.nanoTime() + ". It must not land.\"}";

    // a foreign Origin (another port of the same host), no Sec-Fetch-Site: an older browser
    assertRefused(
        "POST",
        "api/articles",
        "application/json",
        text,
        "Cookie",
        checkerSession,
        "Origin",
        FOREIGN);
    // what a current browser sends for a form post from another port: same-site, not same-origin
    assertRefused(
        "POST",
        "api/inbox/read",
        "text/plain",
        "",
        "Cookie",
        checkerSession,
        "Sec-Fetch-Site",
        "same-site",
        "Origin",
        FOREIGN);
    assertRefused(
        "POST",
        "api/inbox/read",
        "text/plain",
        "",
        "Cookie",
        checkerSession,
        "Sec-Fetch-Site",
        "cross-site");
    // Sec-Fetch-Site decides when present, whatever Origin claims
    assertRefused(
        "POST",
        "api/inbox/read",
        "text/plain",
        "",
        "Cookie",
        checkerSession,
        "Sec-Fetch-Site",
        "cross-site",
        "Origin",
        own());
    // neither header: nothing shows the request came from ClaimDesk's pages
    assertRefused(
        "PUT",
        "api/claims/" + claim,
        "application/json",
        "{\"version\":0,\"statement\":\"changed cross-site\"}",
        "Cookie",
        checkerSession);
    // the token this test uses: revoking it would end its requests
    long tokenInUse =
        api.get("api/tokens", checker).json().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(t -> checker.startsWith(t.getString("prefix")))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    assertRefused(
        "DELETE",
        "api/tokens/" + tokenInUse,
        "application/json",
        "",
        "Cookie",
        checkerSession,
        "Origin",
        FOREIGN);
    assertRefused(
        "POST",
        "api/articles",
        "application/json",
        text,
        "Cookie",
        checkerSession,
        "Origin",
        "null");

    assertEquals(articles, articles(), "no article imported");
    assertEquals(unread, unread(), "inbox unchanged");
    assertEquals(200, api.get("api/tokens", checker).status(), "the token is not revoked");
    JsonObject edited = api.get("api/claims/" + claim, checker).object();
    assertNotEquals("changed cross-site", edited.getString("statement"));
  }

  @Test
  void sameOriginWritesWithTheSessionBearerTokensAndDownloadsWork() {
    mentionTheChecker();
    // the desk's own pages: Sec-Fetch-Site same-origin, or an Origin that is this server
    Api.Reply marked =
        api.sendAs(
            "POST",
            "api/inbox/read",
            null,
            "text/plain",
            "",
            "Cookie",
            checkerSession,
            "Sec-Fetch-Site",
            "same-origin",
            "Origin",
            own());
    assertEquals(200, marked.status(), marked.toString());
    assertTrue(marked.object().getInt("marked") > 0, marked.toString());
    assertEquals(0, unread());
    long articles = articles();
    Api.Reply imported =
        api.sendAs(
            "POST",
            "api/articles",
            null,
            "application/json",
            "{\"text\":\"Same-origin article " + System.nanoTime() + ". It lands.\"}",
            "Cookie",
            checkerSession,
            "Origin",
            own());
    assertEquals(201, imported.status(), imported.toString());
    assertEquals(articles + 1, articles());

    // a bearer token is no ambient credential: any Origin, no Sec-Fetch-Site needed
    Api.Reply viaToken =
        api.send(
            "POST",
            "api/articles",
            checker,
            "{\"text\":\"Token article " + System.nanoTime() + ". It lands.\"}",
            "Origin",
            FOREIGN,
            "Sec-Fetch-Site",
            "cross-site");
    assertEquals(201, viaToken.status(), viaToken.toString());

    // the downloads the pages link to are GETs and keep working with the session
    Api.Reply export = api.get("api/cases/export", null, "Cookie", checkerSession);
    assertEquals(200, export.status(), export.toString());
    assertTrue(export.contentType().startsWith("text/csv"), export.toString());
  }
}
