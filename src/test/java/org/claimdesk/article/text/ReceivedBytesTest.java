package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.claimdesk.article.text.UnreadableArticle.Kind;
import org.junit.jupiter.api.Test;

/** Encodings, binary files, empty files and Markdown. */
class ReceivedBytesTest {

  private static final String GERMAN =
      "Der Minister sagte: „Die Lage in Köln ist ernst.“ Über 300 Bürger protestierten gegen"
          + " die Maßnahmen.";

  @Test
  void windows1252WithUmlautsAndGermanQuotesIsRecognised() {
    Extracted e = extract(GERMAN.getBytes(Charset.forName("windows-1252")), "a.txt", null);
    assertEquals(GERMAN, e.text());
    assertEquals("windows-1252", e.charset().name());
  }

  @Test
  void declaredCharsetIsUsedAndLatin1MeansWindows1252() {
    byte[] bytes = GERMAN.getBytes(Charset.forName("windows-1252"));
    Extracted e = extract(bytes, null, "text/plain; charset=ISO-8859-1");
    assertEquals(GERMAN, e.text(), "„ and “ exist only in Windows-1252, not in Latin-1");
  }

  @Test
  void htmlMetaCharsetIsHonoured() {
    String html =
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
            + "</head><body><p>"
            + GERMAN
            + "</p></body></html>";
    Extracted e = extract(html.getBytes(Charset.forName("windows-1252")), "a.html", null);
    assertEquals(GERMAN, e.text());
    assertEquals("windows-1252", e.charset().name());
  }

  @Test
  void wrongDeclarationFallsBackToWhatTheBytesAre() {
    byte[] bytes = GERMAN.getBytes(Charset.forName("windows-1252"));
    assertEquals(GERMAN, extract(bytes, null, "text/plain; charset=utf-8").text());
  }

  @Test
  void utf8WithByteOrderMarkLosesTheMark() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(GERMAN));
    Extracted e = extract(bytes, "a.txt", null);
    assertEquals(GERMAN, e.text());
    assertEquals(StandardCharsets.UTF_8, e.charset());
  }

  @Test
  void utf16WithByteOrderMarkInBothByteOrders() {
    byte[] little =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, GERMAN.getBytes(StandardCharsets.UTF_16LE));
    byte[] big =
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, GERMAN.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(GERMAN, extract(little, "a.txt", null).text());
    assertEquals(StandardCharsets.UTF_16LE, extract(little, "a.txt", null).charset());
    assertEquals(GERMAN, extract(big, "a.txt", null).text());
  }

  @Test
  void pngNamedTxtIsBinary() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D'};
    UnreadableArticle error = refused(png, Kind.BINARY);
    assertEquals("The file is binary (looks like a PNG image), not text.", error.getMessage());
  }

  @Test
  void pdfNamedTxtIsBinary() {
    byte[] pdf = utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    UnreadableArticle error = refused(pdf, Kind.BINARY);
    assertEquals("The file is binary (looks like a PDF document), not text.", error.getMessage());
  }

  @Test
  void nulBytesAndControlCharactersAreBinary() {
    refused(new byte[] {'a', 'b', 0, 'c', 'd'}, Kind.BINARY);
    byte[] controls = new byte[200];
    for (int i = 0; i < controls.length; i++) {
      controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'x');
    }
    refused(controls, Kind.BINARY);
  }

  @Test
  void emptyAndWhitespaceOnlyAreEmpty() {
    assertEquals("The file is empty.", refused(new byte[0], Kind.EMPTY).getMessage());
    refused(utf8("  \n\t \r\n \u00A0"), Kind.EMPTY);
  }

  @Test
  void bytesThatAreNeitherUtf8NorWindows1252BecomeReplacementCharacters() {
    // 0x81 and 0x8D are unassigned in Windows-1252 and invalid as UTF-8 here
    byte[] bytes = concat(utf8("Hallo "), new byte[] {(byte) 0x81, (byte) 0x8D, 'x'});
    Extracted e = extract(bytes, "a.txt", null);
    assertEquals("Hallo \uFFFD\uFFFDx", e.text());
    assertEquals(2, e.replacedBytes(), "counted for the importer's warning");
  }

  @Test
  void oneBrokenByteInUtf8StaysUtf8InsteadOfMojibake() {
    byte[] bytes =
        concat(utf8(GERMAN + " Teaser: "), concat(new byte[] {(byte) 0xFF}, utf8(" Ende.")));
    Extracted e = extract(bytes, "a.txt", "text/plain; charset=utf-8");
    assertEquals(GERMAN + " Teaser: \uFFFD Ende.", e.text());
    assertEquals(StandardCharsets.UTF_8, e.charset());
    assertEquals(1, e.replacedBytes());
  }

  @Test
  void validTextHasNothingReplaced() {
    assertEquals(0, extract(utf8(GERMAN), "a.txt", null).replacedBytes());
  }

  @Test
  void mostlyHighBytesAreNotPlausibleWindows1252() {
    byte[] bytes = new byte[300];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i % 2 == 0 ? 0xE4 : 0xF6); // "äöäö…": never valid UTF-8, not German
    }
    refused(bytes, Kind.UNDECODABLE);
  }

  @Test
  void markdownIsRenderedToPlainParagraphs() throws IOException {
    Extracted e = extract(WebPageTextTest.fixture("article.md"), "faktencheck.md", null);
    assertEquals(
        List.of(
            "Der Minister sagte am Montag, die Zahl der Anträge habe sich verdoppelt. Das stimmt"
                + " nur zum Teil, wie die Statistik des Bundesamts zeigt.",
            "Was die Daten zeigen",
            "Im Jahr 2022 gab es 120.000 Anträge.",
            "Im Jahr 2023 waren es 180.000.",
            "„Wir haben eine Verdopplung erlebt“, sagte der Minister."),
        SeedArticlesTextTest.paragraphs(e));
    assertEquals("text/markdown", e.mediaType());
    assertEquals("Faktencheck: Stimmt die Zahl?", e.hints().title());
    assertEquals(
        List.of(new RemovedPart(0, "Faktencheck: Stimmt die Zahl?", Removal.TITLE)), e.removed());
  }

  @Test
  void hardWrappedPlainTextBecomesParagraphsAgain() {
    String wire =
        "Die Bundesregierung will die Förderung für Elektroautos im kommenden Jahr\n"
            + "neu regeln. Das kündigte ein Sprecher des Wirtschaftsministeriums am\n"
            + "Montag in Berlin an. Details sollen bis zum Sommer vorliegen, hieß es.\n"
            + "Die Opposition kritisierte die Pläne als unzureichend und forderte\n"
            + "eine schnellere Umsetzung.\n"
            + "\n"
            + "Weitere Gespräche sind für die kommende Woche geplant.";
    assertEquals(
        "Die Bundesregierung will die Förderung für Elektroautos im kommenden Jahr neu regeln."
            + " Das kündigte ein Sprecher des Wirtschaftsministeriums am Montag in Berlin an."
            + " Details sollen bis zum Sommer vorliegen, hieß es. Die Opposition kritisierte die"
            + " Pläne als unzureichend und forderte eine schnellere Umsetzung.\n\n"
            + "Weitere Gespräche sind für die kommende Woche geplant.",
        extract(utf8(wire), "wire.txt", null).text());
  }

  @Test
  void htmlIsSniffedWhenNothingIsDeclared() {
    Extracted e =
        extract(utf8("<!DOCTYPE html><html><body><p>Ein Satz.</p></body></html>"), null, null);
    assertEquals("text/html", e.mediaType());
    assertEquals("Ein Satz.", e.text());
  }

  private static UnreadableArticle refused(byte[] bytes, Kind kind) {
    UnreadableArticle error =
        assertThrows(UnreadableArticle.class, () -> extract(bytes, "upload.txt", null));
    assertEquals(kind, error.kind(), error.getMessage());
    return error;
  }

  private static Extracted extract(byte[] bytes, String fileName, String contentType) {
    return ArticleText.extract(new RawArticle(bytes, fileName, contentType, null, null));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
