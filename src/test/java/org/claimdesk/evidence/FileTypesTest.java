package org.claimdesk.evidence;

import static org.claimdesk.testing.SampleFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.claimdesk.testing.SampleFiles;
import org.junit.jupiter.api.Test;

/** Types come from the bytes; names only refine; scripts never get in or out. */
class FileTypesTest {

  @Test
  void documentsAndImagesAreRecognisedFromTheirBytesWhateverTheirName() {
    assertEquals("application/pdf", FileTypes.detect(SampleFiles.pdf("Beleg"), "scan.jpg"));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileTypes.detect(SampleFiles.docx("Beleg"), null));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileTypes.detect(SampleFiles.xlsx("Beleg"), "tabelle.zip"));
    assertEquals(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        FileTypes.detect(SampleFiles.pptx("Beleg"), "folien"));
    assertEquals("application/vnd.ms-excel", FileTypes.detect(SampleFiles.xls("Beleg"), null));
    assertEquals(
        "application/vnd.oasis.opendocument.text",
        FileTypes.detect(SampleFiles.odt("Beleg"), null));
    assertEquals("image/png", FileTypes.detect(SampleFiles.image("png"), "bild.gif"));
    assertEquals("image/jpeg", FileTypes.detect(SampleFiles.image("jpeg"), null));
    assertEquals("image/gif", FileTypes.detect(SampleFiles.image("gif"), null));
  }

  @Test
  void theNameRefinesTextButNeverNamesUnknownBytes() {
    assertEquals("text/plain", FileTypes.detect(utf8("Name;Zahl\nKöln;3\n"), null));
    assertEquals("text/csv", FileTypes.detect(utf8("Name;Zahl\nKöln;3\n"), "zahlen.csv"));
    byte[] noise = {0x13, 0x7F, 0x00, (byte) 0xFE, 0x42, 0x00, 0x01, (byte) 0x99, 0x05, 0x00};
    assertEquals(FileTypes.UNKNOWN, FileTypes.detect(noise, "beleg.pdf"));
    assertEquals(
        "application/zip", FileTypes.detect(SampleFiles.zip("a.txt", "x"), "bericht.docx"));
  }

  @Test
  void htmlAndSvgAreFoundAndCanRunScripts() {
    String html = FileTypes.detect(SampleFiles.htmlWithScript(), "beleg.txt");
    String svg = FileTypes.detect(SampleFiles.svgWithScript(), "beleg.png");
    assertEquals("text/html", html);
    assertEquals("image/svg+xml", svg);
    assertTrue(FileTypes.canRunScripts(html));
    assertTrue(FileTypes.canRunScripts(svg));
    assertTrue(FileTypes.canRunScripts("application/xhtml+xml"));
    assertTrue(FileTypes.canRunScripts("application/xml"));
    assertTrue(FileTypes.canRunScripts("text/javascript"));
    assertTrue(FileTypes.canRunScripts("not a type"));
    assertFalse(FileTypes.canRunScripts("application/pdf"));
    assertFalse(
        FileTypes.canRunScripts(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  }

  @Test
  void plainTextNamedHtmlCountsAsHtml() {
    assertEquals("text/html", FileTypes.detect(utf8("Nur Text, keine Tags."), "seite.html"));
  }

  @Test
  void nothingTextualIsServedUnderItsOwnType() {
    assertEquals(FileTypes.UNKNOWN, FileTypes.servedAs("text/plain"));
    assertEquals(FileTypes.UNKNOWN, FileTypes.servedAs("text/csv"));
    assertEquals(FileTypes.UNKNOWN, FileTypes.servedAs("image/svg+xml"));
    assertEquals("application/pdf", FileTypes.servedAs("application/pdf"));
    assertEquals("image/png", FileTypes.servedAs("image/png"));
  }

  @Test
  void theBuiltInListHoldsNoActiveType() {
    FileTypes.DEFAULT_ALLOWED.forEach(type -> assertFalse(FileTypes.canRunScripts(type), type));
  }
}
