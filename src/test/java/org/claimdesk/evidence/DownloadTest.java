package org.claimdesk.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The name a download is saved under, and the hashes the store takes. */
class DownloadTest {
  static final String SHA = "a".repeat(12) + "b".repeat(52);

  private static StoredFile file(String type) {
    return new StoredFile(SHA, type, 10, false);
  }

  @Test
  void theNameKeepsAnExtensionOfTheStoredType() {
    assertEquals("Bericht.pdf", Download.fileName("Bericht.pdf", file("application/pdf")));
    assertEquals("Bericht.PDF", Download.fileName("Bericht.PDF", file("application/pdf")));
    assertEquals("Bericht.pdf", Download.fileName("Bericht", file("application/pdf")));
  }

  @Test
  void textCanNeverBeSavedAsAPage() {
    assertEquals("seite.html.txt", Download.fileName("seite.html", file("text/plain")));
    assertEquals("bild.svg.png", Download.fileName("bild.svg", file("image/png")));
  }

  @Test
  void withoutANameTheHashPrefixNamesTheFile() {
    assertEquals("aaaaaaaaaaaa.pdf", Download.fileName(null, file("application/pdf")));
    assertEquals("aaaaaaaaaaaa.pdf", Download.fileName("  ", file("application/pdf")));
  }

  @Test
  void foldersControlAndDirectionCharactersAreRemoved() {
    assertEquals("x.pdf", Download.fileName("../../etc/x.pdf", file("application/pdf")));
    assertEquals("x.pdf", Download.fileName("C:\\Users\\x.pdf", file("application/pdf")));
    assertEquals(
        "Rechnungfdp.exe.pdf", Download.fileName("Rechnung\u202Efdp.exe", file("application/pdf")));
    assertEquals("htaccess.txt", Download.fileName(".htaccess", file("text/plain")));
  }

  @Test
  void hashesAreSixtyFourHexDigitsInAnyCase() {
    assertEquals(SHA, AttachmentStore.requireHash(SHA.toUpperCase()));
    assertThrows(IllegalArgumentException.class, () -> AttachmentStore.requireHash("abc"));
    assertThrows(IllegalArgumentException.class, () -> AttachmentStore.requireHash(null));
    assertThrows(IllegalArgumentException.class, () -> AttachmentStore.requireHash("g".repeat(64)));
  }

  @Test
  void limitsAreSaidInWholeMegabytesWherePossible() {
    assertEquals("25 MB", AttachmentStore.megabytes(26_214_400));
    assertEquals("2.5 MB", AttachmentStore.megabytes(2_621_440));
  }
}
