package org.claimdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV rows for spreadsheets (RFC 4180 quoting by Commons CSV). A cell that a spreadsheet would run
 * as a formula gets a leading apostrophe: exported text comes from people and web pages.
 */
public final class SpreadsheetCsv {
  private SpreadsheetCsv() {}

  /** One record; null cells are empty. */
  public static void row(Writer out, Object... cells) {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = cells[i] == null ? "" : neutralised(String.valueOf(cells[i]));
    }
    try {
      CSVFormat.RFC4180.printRecord(out, safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** OWASP CSV injection: a cell starting with = + - @ or a control character is not a formula. */
  public static String neutralised(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
