package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger on the tables that are written once (audit_event, sql/h2/V3; publication,
 * sql/h2/V11_1): refuses every UPDATE and DELETE.
 */
public class AppendOnlyTrigger implements Trigger {
  private String table = "this table";

  @Override
  public void init(
      Connection connection,
      String schema,
      String trigger,
      String table,
      boolean before,
      int type) {
    this.table = table.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
  }
}
