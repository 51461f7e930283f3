package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger on audit_event (sql/h2/V3): refuses every UPDATE and DELETE. */
public class AppendOnlyTrigger implements Trigger {
  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "audit_event is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
  }
}
