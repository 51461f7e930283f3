package org.claimdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page on another port of 127.0.0.1 (same site, other origin: the SameSite=Lax session cookie
 * still goes along) tries to make a signed-in fact-checker's browser import an article and mark the
 * inbox read, with auto-submitting forms (multipart and text/plain) and fetch() with credentials.
 * Every request reaches ClaimDesk, which refuses each one and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteBrowserIT {
  @ArquillianResource URL deployment;

  @Test
  void aPageOnAnotherPortCannotChangeAnythingThroughASignedInBrowser() throws IOException {
    Api api = Api.at(deployment);
    String checker = api.sharedToken("factchecker");
    String supervisor = api.sharedToken("supervisor");
    String auditor = api.sharedToken("auditor");
    // something unread for the fact-checker: the supervisor mentions them
    long caseId =
        new Desk(api, api::sharedToken)
            .openCase(new Desk(api, api::sharedToken).newClaim(supervisor), supervisor)
            .getJsonNumber("id")
            .longValue();
    assertEquals(
        201,
        api.post("api/cases/" + caseId + "/notes", supervisor, "{\"body\":\"@factchecker look\"}")
            .status());
    long articles = articles(api, checker);
    long unread = unread(api, checker);
    long refusals = refusals(api, auditor);

    HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page = attackPage(api.base()).getBytes(StandardCharsets.UTF_8);
    attacker.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    attacker.start();
    try (DeskBrowser browser = DeskBrowser.open(api.base(), "de")) {
      browser.signIn("factchecker", Api.DEMO_PASSWORD, "index.xhtml");
      browser.driver.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
      browser
          .wait
          .withMessage("the page sent its fetch() requests")
          .until(d -> "sent".equals(d.getTitle()));
      // the forms load into frames the page cannot read: wait until ClaimDesk has answered all
      // four requests (or something changed)
      browser
          .wait
          .withMessage("four refusals recorded")
          .until(
              d ->
                  refusals(api, auditor) >= refusals + 4
                      || articles(api, checker) != articles
                      || unread(api, checker) != unread);
    } finally {
      attacker.stop(0);
    }

    assertEquals(articles, articles(api, checker), "no article imported");
    assertEquals(unread, unread(api, checker), "the inbox is unread as before");
    // the four requests arrived with the session and were refused, each on record
    assertEquals(refusals + 4, refusals(api, auditor), "four refusals recorded");
  }

  /** Two forms that submit themselves into frames, and two fetch() calls. */
  private static String attackPage(URI desk) {
    String articles = desk.resolve("api/articles").toString();
    String inbox = desk.resolve("api/inbox/read").toString();
    String text = "Cross-site article " + System.nanoTime() + ". It must not land.";
    return """
        <!DOCTYPE html>
        <html><head><title>waiting</title></head><body>
        <iframe name="one"></iframe><iframe name="two"></iframe>
        <form id="upload" method="post" enctype="multipart/form-data" target="one" action="%1$s">
          <input type="hidden" name="title" value="Cross-site form">
          <textarea name="file">%3$s (form)</textarea>
        </form>
        <form id="read" method="post" enctype="text/plain" target="two" action="%2$s">
          <input type="hidden" name="x" value="y">
        </form>
        <script>
          document.getElementById('upload').submit();
          document.getElementById('read').submit();
          const file = new FormData();
          file.append('file', new Blob(['%3$s (fetch)'], {type: 'text/plain'}), 'article.txt');
          const sent = [
            fetch('%1$s', {method: 'POST', body: file, credentials: 'include', mode: 'no-cors'}),
            fetch('%2$s', {method: 'POST', body: '{}', credentials: 'include', mode: 'no-cors',
                           headers: {'Content-Type': 'text/plain'}})
          ];
          Promise.allSettled(sent).then(() => document.title = 'sent');
        </script>
        </body></html>
        """
        .formatted(articles, inbox, text);
  }

  private static long articles(Api api, String token) {
    return api.get("api/articles?limit=1", token).object().getJsonNumber("total").longValue();
  }

  private static long unread(Api api, String token) {
    return api.get("api/inbox?limit=1", token).object().getJsonNumber("unread").longValue();
  }

  private static long refusals(Api api, String auditor) {
    JsonObject page =
        api.get("api/audit?action=access.refused&actor=factchecker&limit=500", auditor).object();
    return page.getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(e -> e.getString("reason", "").startsWith("cross-site write"))
        .count();
  }
}
