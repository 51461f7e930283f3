package org.claimdesk.casework;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger (sql/h2/V13_1): an assignment inserted without its case's opening time gets it from
 * the case, so that a person's cases can be walked newest first in one index ({@link CaseQueue}).
 */
public class AssignmentOpenedAt implements Trigger {
  // case_id, username, opened_at: the table's columns in order (sql/common V5, V13)
  private static final int CASE_ID = 0;
  private static final int OPENED_AT = 2;

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (newRow[OPENED_AT] != null) {
      return;
    }
    try (PreparedStatement opened =
        connection.prepareStatement("SELECT opened_at FROM fact_case WHERE id = ?")) {
      opened.setObject(1, newRow[CASE_ID]);
      try (ResultSet rs = opened.executeQuery()) {
        if (rs.next()) {
          newRow[OPENED_AT] = rs.getObject(1);
        }
      }
    }
  }
}
