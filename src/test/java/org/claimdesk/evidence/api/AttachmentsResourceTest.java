package org.claimdesk.evidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 6266 file names: ASCII for old clients, exact UTF-8 for the rest. */
class AttachmentsResourceTest {

  @Test
  void asciiNamesStayReadable() {
    assertEquals(
        "attachment; filename=\"Bericht-2025.pdf\"; filename*=UTF-8''Bericht-2025.pdf",
        AttachmentsResource.contentDisposition("Bericht-2025.pdf"));
  }

  @Test
  void umlautsQuotesAndSpacesAreEncoded() {
    assertEquals(
        "attachment; filename=\"Pr_fung _Mai_ 2025.pdf\";"
            + " filename*=UTF-8''Pr%C3%BCfung%20%22Mai%22%202025.pdf",
        AttachmentsResource.contentDisposition("Prüfung \"Mai\" 2025.pdf"));
  }
}
