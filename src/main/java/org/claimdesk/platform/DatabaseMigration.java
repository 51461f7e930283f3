package org.claimdesk.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
      Flyway flyway = flyway(dataSource, migrationRole());
      MigrateResult result = flyway.migrate();
      String version = flyway.info().current().getVersion().getVersion();
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
              + ". Check CLAIMDESK_DB_URL, CLAIMDESK_DB_USER and CLAIMDESK_DB_PASSWORD (and"
              + " CLAIMDESK_DB_MIGRATION_USER/_PASSWORD where set; docs/operations.md).",
          e);
    }
  }

  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  /** Flyway on this data source's database, as the data source's role. */
  public static Flyway flyway(DataSource dataSource) {
    return flyway(dataSource, Optional.empty());
  }

  /**
   * Flyway on ClaimDesk's database. With a migration role ({@code claimdesk.db.migration-user},
   * PostgreSQL) it connects as that role, the schema's owner, while ClaimDesk itself runs as a role
   * that may only read and write rows: it can neither change the schema nor switch off the audit
   * log's append-only triggers (docs/operations.md, "Database roles").
   */
  private static Flyway flyway(DataSource dataSource, Optional<MigrationRole> role) {
    var configuration =
        Flyway.configure(DatabaseMigration.class.getClassLoader())
            .locations(COMMON, "classpath:db/migration/" + vendor(dataSource));
    role.ifPresentOrElse(
        r -> configuration.dataSource(r.url(), r.user(), r.password()),
        () -> configuration.dataSource(dataSource));
    return configuration.load();
  }

  private record MigrationRole(String url, String user, String password) {}

  private static Optional<MigrationRole> migrationRole() {
    Config config = ConfigProvider.getConfig(DatabaseMigration.class.getClassLoader());
    return config
        .getOptionalValue("claimdesk.db.migration-user", String.class)
        .filter(user -> !user.isBlank())
        .map(
            user ->
                new MigrationRole(
                    config.getValue("claimdesk.db.url", String.class),
                    user,
                    config
                        .getOptionalValue("claimdesk.db.migration-password", String.class)
                        .orElse("")));
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
