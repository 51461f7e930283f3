package org.claimdesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV for spreadsheets (RFC 4180, via Commons CSV). Cells that a spreadsheet would run as a formula
 * get a leading apostrophe, so an exported value can never execute (OWASP CSV injection).
 */
public final class SpreadsheetCsv {
  private SpreadsheetCsv() {}

  /** Writes one record; null cells are empty. */
  public static void record(Writer out, Object... cells) {
    try {
      Object[] safe = new Object[cells.length];
      for (int i = 0; i < cells.length; i++) {
        safe[i] = neutralised(cells[i] == null ? "" : String.valueOf(cells[i]));
      }
      CSVFormat.RFC4180.printRecord(out, safe);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cell starting with = + - @ or a tab or carriage return is not a formula. */
  public static String neutralised(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
