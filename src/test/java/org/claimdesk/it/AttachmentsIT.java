package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.claimdesk.testing.SampleFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evidence attachments in the running server: stored once per content, refused when too large or of
 * a type a browser could run, and downloaded only as attachments that never render as a page. Files
 * go in through evidence items; {@code testing.AttachmentUploads} only shows what the store holds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttachmentsIT {
  static final int LIMIT = 25 * 1024 * 1024;

  @ArquillianResource URL deployment;
  Api api;
  String checker;
  long caseId;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
  }

  /** Attaches the file to a new evidence item of this class's case, as people do. */
  private Api.Reply store(String name, byte[] bytes) {
    return api.upload(newItem() + "/attachments", checker, name, "application/octet-stream", bytes);
  }

  /** The file the upload attached (each upload goes to an item of its own). */
  private static JsonObject file(Api.Reply upload) {
    return upload.json().asJsonArray().getJsonObject(0);
  }

  private String newItem() {
    if (caseId == 0) {
      caseId =
          new Desk(api, api::sharedToken)
              .caseWorkedBy("factchecker")
              .getJsonNumber("id")
              .longValue();
    }
    Api.Reply item =
        api.post(
            "api/cases/" + caseId + "/evidence",
            checker,
            "{\"kind\":\"document\",\"stance\":\"context\",\"summary\":\"Anhang\","
                + "\"url\":\"https://example.org/anhang\"}");
    assertEquals(201, item.status(), item.toString());
    return "api/cases/" + caseId + "/evidence/" + item.object().getJsonNumber("id").longValue();
  }

  private JsonObject stored(String sha256) {
    return api.get("api/test/attachments/" + sha256, checker).object();
  }

  private static String marker() {
    return "Beleg" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void theSameBytesTwiceAreStoredOnceAndTheirTextIsSearchable() {
    String marker = marker();
    byte[] pdf = SampleFiles.pdf("Die Quote lag bei 5,8 Prozent " + marker);
    Api.Reply first = store("quote.pdf", pdf);
    Api.Reply again = store("anders-benannt.pdf", pdf);
    assertEquals(201, first.status(), first.toString());
    assertEquals(201, again.status(), again.toString());
    String sha = file(first).getString("sha256");
    assertEquals(sha, file(again).getString("sha256"));
    assertEquals("application/pdf", file(first).getString("contentType"));
    assertEquals(pdf.length, file(first).getJsonNumber("sizeBytes").longValue());
    assertEquals(1, stored(sha).getInt("rows"), "identical bytes are stored once");
    assertTrue(stored(sha).getString("text").contains(marker), stored(sha).toString());
  }

  @Test
  void officeDocumentsAreTypedFromTheirBytesAndRead() {
    String marker = marker();
    Api.Reply docx = store("bericht.bin", SampleFiles.docx("Bericht " + marker));
    assertEquals(201, docx.status(), docx.toString());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        file(docx).getString("contentType"));
    assertTrue(stored(file(docx).getString("sha256")).getString("text").contains(marker));
  }

  @Test
  void aFileOfExactlyTheLimitIsStoredOneByteMoreIsRefusedWith413() {
    byte[] limit = new byte[LIMIT];
    Arrays.fill(limit, (byte) 'a');
    byte[] marker = SampleFiles.utf8(marker() + "\n");
    System.arraycopy(marker, 0, limit, 0, marker.length);
    Api.Reply fits = store("gross.txt", limit);
    assertEquals(201, fits.status(), fits.toString());
    assertEquals(LIMIT, file(fits).getJsonNumber("sizeBytes").longValue());

    Api.Reply tooLarge = store("zu-gross.txt", Arrays.copyOf(limit, LIMIT + 1));
    assertEquals(413, tooLarge.status(), tooLarge.toString());
    assertTrue(tooLarge.isProblem(), tooLarge.toString());
    assertTrue(
        tooLarge.object().getString("detail").contains("zu-gross.txt is larger than 25 MB"),
        tooLarge.toString());
  }

  @Test
  void htmlAndSvgWithScriptsAreRefusedWhateverTheirName() {
    for (var file :
        new Object[][] {
          {"beleg.html", SampleFiles.htmlWithScript(), "text/html"},
          {"beleg.txt", SampleFiles.htmlWithScript(), "text/html"},
          {"grafik.svg", SampleFiles.svgWithScript(), "image/svg+xml"},
          {"grafik.png", SampleFiles.svgWithScript(), "image/svg+xml"}
        }) {
      Api.Reply refused = store((String) file[0], (byte[]) file[1]);
      assertEquals(422, refused.status(), refused.toString());
      assertTrue(refused.isProblem(), refused.toString());
      assertTrue(
          refused.object().getString("detail").contains("is " + file[2] + ". ClaimDesk never"),
          refused.toString());
    }
  }

  @Test
  void typesOutsideTheAllowedListAndEmptyFilesAreRefusedWith422() {
    Api.Reply zip = store("beleg.docx", SampleFiles.zip("a.txt", "x"));
    assertEquals(422, zip.status(), zip.toString());
    assertTrue(zip.object().getString("detail").contains("application/zip"), zip.toString());
    Api.Reply empty = store("leer.pdf", new byte[0]);
    assertEquals(422, empty.status(), empty.toString());
  }

  @Test
  void auditorsMayDownloadButNotStore() {
    String auditor = api.sharedToken("auditor");
    Api.Reply refused =
        api.upload(newItem() + "/attachments", auditor, "a.txt", "text/plain", new byte[] {'a'});
    assertEquals(403, refused.status(), refused.toString());
  }

  @Test
  void aDownloadIsAnAttachmentThatNoBrowserRendersOrSniffs() {
    byte[] page = SampleFiles.utf8("Notiz " + marker() + " <script>alert('pwned')</script>");
    String sha = file(store("notiz.txt", page)).getString("sha256");
    HttpResponse<byte[]> download =
        api.download("api/attachments/" + sha + "?name=seite.html", api.sharedToken("auditor"));
    assertEquals(200, download.statusCode());
    assertArrayEquals(page, download.body());
    var headers = download.headers();
    assertEquals("application/octet-stream", headers.firstValue("Content-Type").orElse(""));
    assertEquals(
        "attachment; filename=\"seite.html.txt\"; filename*=UTF-8''seite.html.txt",
        headers.firstValue("Content-Disposition").orElse(""));
    assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(
        "sandbox; default-src 'none'",
        String.join(",", headers.allValues("Content-Security-Policy")),
        "one policy: the sandbox");
    assertTrue(
        headers.firstValue("Cache-Control").orElse("").contains("private"), headers.toString());
    assertEquals(sha, headers.firstValue("X-Content-SHA256").orElse(""));
  }

  @Test
  void documentsKeepTheirTypeAndGetAHashNameWithoutOne() {
    byte[] pdf = SampleFiles.pdf("Anhang " + marker());
    String sha = file(store("a.pdf", pdf)).getString("sha256");
    HttpResponse<byte[]> download = api.download("api/attachments/" + sha, checker);
    assertEquals(200, download.statusCode());
    assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        download
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .startsWith("attachment; filename=\"" + sha.substring(0, 12) + ".pdf\""));
  }

  @Test
  void unknownAndMalformedHashesAreProblems() {
    Api.Reply unknown = api.get("api/attachments/" + "0".repeat(64), checker);
    assertEquals(404, unknown.status(), unknown.toString());
    assertTrue(unknown.isProblem(), unknown.toString());
    Api.Reply malformed = api.get("api/attachments/not-a-hash", checker);
    assertEquals(400, malformed.status(), malformed.toString());
    assertTrue(malformed.isProblem(), malformed.toString());
  }
}
