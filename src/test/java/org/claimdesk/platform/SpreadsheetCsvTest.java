package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {
  @Test
  void cellsAreQuotedAsRfc4180AndFormulasNeutralised() {
    StringWriter out = new StringWriter();
    SpreadsheetCsv.row(
        out, 1, "Say \"no\", twice", "line\nbreak", "=HYPERLINK(\"x\")", "+1", "-2", "@a", null);
    assertEquals(
        "1,\"Say \"\"no\"\", twice\",\"line\nbreak\",\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@a,\r\n",
        out.toString());
  }
}
