package org.claimdesk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the migrations in {@code sql/} before JPA touches it. It runs
 * as EclipseLink's session customizer (persistence.xml), the earliest point of the deployment:
 * there an unusable database still ends the process with a clear message instead of leaving Payara
 * running without ClaimDesk.
 */
public class DatabaseMigration implements SessionCustomizer {
  private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

  /**
   * Migrations are written once for both databases ({@code sql/common}); only what SQL cannot
   * express portably, such as triggers, has a version per database ({@code sql/h2}, {@code
   * sql/postgresql}) under the same version number.
   */
  static final String COMMON = "classpath:db/migration/common";

  @Override
  public void customize(Session session) {
    try {
      DataSource dataSource = dataSource(session);
      MigrateResult result = migrate(dataSource);
      String version = flyway(dataSource).info().current().getVersion().getVersion();
      LOG.info(
          () ->
              "Database schema at version "
                  + version
                  + " ("
                  + result.migrationsExecuted
                  + " migration(s) applied now).");
    } catch (RuntimeException e) {
      StartupFailure.stop(
          "Cannot use the database at "
              + StartupFailure.databaseUrlForLog()
              + ": "
              + StartupFailure.rootMessage(e)
              + ". Check CLAIMDESK_DB_URL, CLAIMDESK_DB_USER and CLAIMDESK_DB_PASSWORD (docs/operations.md).",
          e);
    }
  }

  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(DatabaseMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations(COMMON, "classpath:db/migration/" + vendor(dataSource))
        .load();
  }

  /** "h2" or "postgresql": the folder of the database's own migrations. */
  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return "postgresql";
      }
      if (product.contains("h2")) {
        return "h2";
      }
      throw new IllegalStateException("ClaimDesk runs on H2 or PostgreSQL, not on " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect: " + e.getMessage(), e);
    }
  }

  /**
   * The data source the container handed to EclipseLink (a java:app lookup does not work yet at
   * this point of the deployment).
   */
  private static DataSource dataSource(Session session) {
    if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector jndi
        && jndi.getDataSource() != null) {
      return jndi.getDataSource();
    }
    throw new IllegalStateException("EclipseLink was given no data source");
  }
}
