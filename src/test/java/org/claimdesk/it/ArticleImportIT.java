package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing articles over REST: pasted text, uploaded files, fetched pages and ZIP batches, with
 * duplicates and bad input refused without leaving anything behind, and every import audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArticleImportIT {
  @ArquillianResource URL deployment;
  Api api;
  String checker;
  HttpServer pages;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
  }

  @AfterEach
  void stopPages() {
    if (pages != null) {
      pages.stop(0);
    }
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String json(String... pairs) {
    var o = Json.createObjectBuilder();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      o.add(pairs[i], pairs[i + 1]);
    }
    return o.build().toString();
  }

  long total() {
    return api.get("api/articles?limit=1", checker).object().getJsonNumber("total").longValue();
  }

  @Test
  void pastedTextIsCleanedArchivedAndAudited() {
    String marker = unique();
    String text =
        "Der Sprecher sagte am 15.\nAugust, es gebe "
            + marker
            + " neue Hinweise.\n\nSchreibe einen Kommentar\n\nDie zweite Aussage bleibt stehen.";
    Api.Reply reply =
        api.post("api/articles", checker, json("text", text, "title", "Test " + marker));
    assertEquals(201, reply.status(), reply.toString());
    JsonObject detail = reply.object();
    String clean = detail.getString("text");
    assertTrue(clean.contains("am 15. August, es gebe " + marker), clean);
    assertFalse(clean.contains("Schreibe einen Kommentar"), clean);
    assertTrue(
        detail.getJsonArray("removed").toString().contains("Schreibe einen Kommentar"),
        detail.toString());
    assertEquals("de", detail.getJsonObject("article").getString("language"));
    String english =
        "The ministry said on Tuesday that 40 applications had been received and twelve of them"
            + " were rejected, according to figures published by the agency in "
            + marker
            + ".";
    Api.Reply en = api.post("api/articles", checker, json("text", english));
    assertEquals(201, en.status(), en.toString());
    assertEquals("en", en.object().getJsonObject("article").getString("language"), "detected");
    long id = detail.getJsonObject("article").getJsonNumber("id").longValue();

    var events =
        api.get("api/audit/entities/article/" + id, api.sharedToken("auditor"))
            .json()
            .asJsonArray();
    assertEquals(1, events.size(), events.toString());
    JsonObject event = events.getJsonObject(0);
    assertEquals("article.imported", event.getString("action"));
    assertEquals("factchecker", event.getString("actor"));
    assertTrue(event.getString("changes").contains("Test " + marker), event.toString());
  }

  @Test
  void theSameContentTwiceIsADuplicateWithALinkToTheFirst() {
    String text = "Die Regierung erklärte am Montag, sie habe " + unique() + " Anträge erhalten.";
    Api.Reply first = api.post("api/articles", checker, json("text", text));
    assertEquals(201, first.status(), first.toString());
    long id = first.object().getJsonObject("article").getJsonNumber("id").longValue();
    long before = total();

    Api.Reply again = api.post("api/articles", checker, json("text", text));
    assertEquals(409, again.status(), again.toString());
    assertTrue(again.isProblem());
    assertEquals("/api/articles/" + id, again.object().getString("existing"));
    // the same words as a file with other bytes (a trailing line break) are still the same article
    Api.Reply asFile =
        api.upload(
            "api/articles",
            checker,
            "same.txt",
            "text/plain",
            (text + "\n\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(409, asFile.status(), asFile.toString());
    assertEquals(before, total());
  }

  @Test
  void anUploadedHtmlPageKeepsItsOriginalBytesAndOnlyItsArticleText() {
    String marker = unique();
    String html =
        "<!doctype html><html lang=\"de\"><head><title>Bericht "
            + marker
            + " | Beispielzeitung</title>"
            + "<meta property=\"og:site_name\" content=\"Beispielzeitung\">"
            + "<script>document.title='pwned'</script></head><body>"
            + "<nav><a href=\"/\">Startseite</a> <a href=\"/politik\">Politik</a></nav>"
            + "<div class=\"cookie-banner\">Wir verwenden Cookies. Akzeptieren</div>"
            + "<article><h1>Bericht "
            + marker
            + "</h1><p>Das Ministerium teilte am Dienstag mit, dass 40 Anträge eingegangen seien.</p>"
            + "<p>Laut Angaben der Behörde wurden <b>zwölf</b> davon abgelehnt.<img src=x onerror=\"alert(1)\"></p>"
            + "</article><footer>© Beispielzeitung – Impressum</footer></body></html>";
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    Api.Reply reply =
        api.upload(
            "api/articles",
            checker,
            "bericht.html",
            "text/html",
            bytes,
            "outlet",
            "Beispielzeitung");
    assertEquals(201, reply.status(), reply.toString());
    JsonObject detail = reply.object();
    String text = detail.getString("text");
    assertTrue(text.contains("40 Anträge eingegangen"), text);
    assertTrue(text.contains("wurden zwölf davon abgelehnt"), text);
    for (String gone : List.of("Startseite", "Cookies", "Impressum", "pwned", "alert", "<")) {
      assertFalse(text.contains(gone), gone + " in " + text);
    }
    assertEquals("text/html", detail.getString("mediaType"));
    assertEquals("bericht.html", detail.getString("fileName"));
    long id = detail.getJsonObject("article").getJsonNumber("id").longValue();

    var original = api.download("api/articles/" + id + "/original", checker);
    assertEquals(200, original.statusCode());
    assertArrayEquals(bytes, original.body());
    assertTrue(
        original.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals(
        org.claimdesk.platform.Sha256.hex(bytes),
        detail.getJsonObject("article").getString("sha256"));
  }

  @Test
  void anUndecodableByteBecomesAReplacementCharacterAndIsCounted() {
    String marker = unique();
    byte[] before =
        ("<html><body><article><h1>Meldung " + marker + "</h1><p>Die Behörde prüfte 40 Anträge")
            .getBytes(StandardCharsets.UTF_8);
    byte[] after =
        " und lehnte zwölf davon ab.</p></article></body></html>".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[before.length + 1 + after.length];
    System.arraycopy(before, 0, bytes, 0, before.length);
    bytes[before.length] = (byte) 0xFF; // never part of UTF-8
    System.arraycopy(after, 0, bytes, before.length + 1, after.length);

    Api.Reply reply = api.upload("api/articles", checker, "kaputt.html", "text/html", bytes);

    assertEquals(201, reply.status(), reply.toString());
    String text = reply.object().getString("text");
    assertTrue(text.contains("40 Anträge\uFFFD und lehnte zwölf davon ab."), text);
    assertEquals(1, reply.object().getInt("unreadableCharacters"));
  }

  @Test
  void windows1252TextKeepsItsUmlautsAndQuotes() {
    String text = "„Wir prüfen das“, sagte die Sprecherin am Freitag über " + unique() + " Fälle.";
    byte[] bytes = text.getBytes(Charset.forName("windows-1252"));
    Api.Reply reply = api.upload("api/articles", checker, "ansi.txt", "text/plain", bytes);
    assertEquals(201, reply.status(), reply.toString());
    assertEquals(text, reply.object().getString("text"));
    assertEquals("windows-1252", reply.object().getString("charset").toLowerCase());
  }

  @Test
  void badInputGetsAClearErrorAndStoresNothing() {
    long before = total();
    Api.Reply empty = api.upload("api/articles", checker, "leer.txt", "text/plain", new byte[0]);
    assertEquals(422, empty.status(), empty.toString());
    assertTrue(empty.isProblem());

    byte[] png = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      1,
      0
    };
    Api.Reply binary = api.upload("api/articles", checker, "bild.txt", "text/plain", png);
    assertEquals(422, binary.status(), binary.toString());

    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) 'a');
    Api.Reply tooLarge = api.upload("api/articles", checker, "gross.txt", "text/plain", huge);
    assertEquals(413, tooLarge.status(), tooLarge.toString());
    assertTrue(tooLarge.object().getString("detail").contains("5.0 MB"), tooLarge.toString());

    Api.Reply neither = api.post("api/articles", checker, "{}");
    assertEquals(400, neither.status(), neither.toString());
    Api.Reply notAUrl = api.post("api/articles", checker, json("url", "file:///etc/passwd"));
    assertEquals(400, notAUrl.status(), notAUrl.toString());

    assertEquals(before, total());
  }

  @Test
  void auditorsCannotImport() {
    Api.Reply reply =
        api.post(
            "api/articles",
            api.sharedToken("auditor"),
            json("text", "Ein Satz mit " + unique() + " Zahlen."));
    assertEquals(403, reply.status(), reply.toString());
  }

  @Test
  void aPageIsFetchedThroughRedirectsWithItsFinalAddressAndTime() throws IOException {
    String marker = unique();
    pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pages.createContext(
        "/old",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/artikel/" + marker);
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    pages.createContext(
        "/artikel/",
        exchange -> {
          byte[] body =
              ("<html lang=de><head><title>Seite "
                      + marker
                      + "</title></head><body><article>"
                      + "<p>Die Behörde meldete am Mittwoch 17 neue Fälle in "
                      + marker
                      + ".</p>"
                      + "</article></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    pages.createContext(
        "/missing",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    pages.start();
    String base = "http://127.0.0.1:" + pages.getAddress().getPort();

    Api.Reply reply = api.post("api/articles", checker, json("url", base + "/old"));
    assertEquals(201, reply.status(), reply.toString());
    JsonObject detail = reply.object();
    assertEquals(base + "/artikel/" + marker, detail.getString("fetchedFrom"));
    assertNotNull(detail.getString("fetchedAt"));
    assertEquals("Seite " + marker, detail.getJsonObject("article").getString("title"));
    assertTrue(detail.getString("text").contains("17 neue Fälle"), detail.toString());

    long before = total();
    Api.Reply missing = api.post("api/articles", checker, json("url", base + "/missing"));
    assertEquals(502, missing.status(), missing.toString());
    assertTrue(missing.object().getString("detail").contains("404"), missing.toString());
    pages.stop(0);
    pages = null;
    Api.Reply gone = api.post("api/articles", checker, json("url", base + "/old"));
    assertEquals(502, gone.status(), gone.toString());
    assertEquals(before, total());
  }

  @Test
  void aZipBatchReportsEveryFileAsItGoes() throws IOException {
    String marker = unique();
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      add(
          out,
          "a.txt",
          "Der Minister sagte am Montag, " + marker + " Soldaten seien verlegt worden.");
      add(
          out,
          "ordner/b.html",
          "<html><body><article><p>Laut Polizei wurden 12 Personen in "
              + marker
              + " festgenommen.</p></article></body></html>");
      add(
          out,
          "kopie.txt",
          "Der Minister sagte am Montag, " + marker + " Soldaten seien verlegt worden.");
      add(out, "leer.md", "   ");
      add(out, "bild.png", "not an article");
    }
    Api.Reply reply =
        api.postBytes("api/articles/batch", checker, "application/zip", zip.toByteArray());
    assertEquals(200, reply.status(), reply.toString());
    List<JsonObject> lines =
        reply.body().lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    assertEquals(5, lines.size(), reply.body());
    assertEquals("imported", lines.get(0).getString("result"));
    assertEquals("imported", lines.get(1).getString("result"));
    assertEquals("duplicate", lines.get(2).getString("result"));
    assertEquals("refused", lines.get(3).getString("result"));
    assertTrue(lines.get(4).getBoolean("done"));
    assertEquals(2, lines.get(4).getInt("imported"));
  }

  @Test
  void theSameArticleSentTwiceAtOnceIsImportedOnceAndReportedOnceAsDuplicate() throws Exception {
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        String text = "Die Behörde meldete am Dienstag " + unique() + " neue Fälle.";
        // odd rounds: other bytes, the same reading text (cleaning collapses the double space)
        String copy = round % 2 == 0 ? text : text.replace("am Dienstag", "am  Dienstag");
        long before = total();
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (String body : List.of(json("text", text), json("text", copy))) {
          replies.add(
              two.submit(
                  () -> {
                    start.await();
                    return api.post("api/articles", checker, body);
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
          statuses.add(reply.get(2, TimeUnit.MINUTES).status());
        }
        Collections.sort(statuses);
        assertEquals(List.of(201, 409), statuses, "round " + round + ": " + replies);
        assertEquals(before + 1, total());
      }
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void metadataEditsAreAuditedAndStaleVersionsRefused() {
    Api.Reply created =
        api.post(
            "api/articles",
            checker,
            json("text", "Die Stadt zählte 2023 genau " + unique() + " Einwohner."));
    JsonObject article = created.object().getJsonObject("article");
    long id = article.getJsonNumber("id").longValue();
    long version = created.object().getJsonNumber("version").longValue();
    String edit =
        "{\"version\":"
            + version
            + ",\"title\":\"Neuer Titel\",\"outlet\":\"Lokalblatt\","
            + "\"language\":\"de\",\"publishedOn\":\"2024-06-20\"}";
    Api.Reply edited = api.send("PUT", "api/articles/" + id, checker, edit);
    assertEquals(200, edited.status(), edited.toString());
    assertEquals("Lokalblatt", edited.object().getJsonObject("article").getString("outlet"));
    Api.Reply stale =
        api.send("PUT", "api/articles/" + id, checker, edit.replace("Lokalblatt", "Anderes"));
    assertEquals(409, stale.status(), stale.toString());

    var events =
        api.get("api/audit/entities/article/" + id, api.sharedToken("auditor"))
            .json()
            .asJsonArray();
    JsonObject last = events.getJsonObject(events.size() - 1);
    assertEquals("article.edited", last.getString("action"));
    assertTrue(last.getString("changes").contains("Lokalblatt"), last.toString());
    assertTrue(last.getString("changes").contains("2024-06-20"), last.toString());
  }

  private static void add(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
