package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.claimdesk.platform.DatabaseMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside the server: the schema Flyway built at start-up is complete and current. */
@ExtendWith(ArquillianExtension.class)
class MigrationIT {

  private static DataSource dataSource() throws Exception {
    return (DataSource) new InitialContext().lookup(ClaimDeskDataSource.JNDI_NAME);
  }

  @Test
  void everyMigrationInSqlIsAppliedAndNoneIsPending() throws Exception {
    Flyway flyway = DatabaseMigration.flyway(dataSource());
    MigrationInfo[] all = flyway.info().all();
    assertTrue(all.length >= 1);
    for (MigrationInfo migration : all) {
      assertEquals(MigrationState.SUCCESS, migration.getState(), migration.getScript());
    }
    assertEquals(0, flyway.info().pending().length);
    assertEquals(0, flyway.validateWithResult().invalidMigrations.size());
  }

  @Test
  void theTablesTheEntitiesNeedExist() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource().getConnection();
        ResultSet rs =
            connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toLowerCase());
      }
    }
    for (String table :
        List.of("account", "account_role", "api_token", "article", "flyway_schema_history")) {
      assertTrue(tables.contains(table), table + " missing from " + tables);
    }
  }
}
