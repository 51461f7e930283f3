package org.claimdesk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Closes an embedded H2 file when ClaimDesk stops, while ClaimDesk's classes can still be loaded.
 * H2's own exit hook ran alongside Payara's shutdown, failed on an unloaded class ("This web
 * container has not yet been started") and left the file unclosed, without the compaction H2 does
 * on close. The default URLs set {@code DB_CLOSE_ON_EXIT=FALSE} so that only this closes it.
 */
@ApplicationScoped
public class EmbeddedDatabase {
  private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "claimdesk.db.url")
  String url;

  void close(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
    if (!url.startsWith("jdbc:h2:file:")) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      Statement statement = connection.createStatement();
      statement.execute("SHUTDOWN");
      LOG.info("The H2 database was closed.");
    } catch (SQLException e) {
      LOG.warning(() -> "The H2 database could not be closed cleanly: " + e.getMessage());
    } finally {
      closeQuietly(connection);
    }
  }

  // after SHUTDOWN the pool's connection cannot be handed back cleanly: its database is closed
  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException closedAlready) {
        LOG.fine(() -> "connection of the closed database: " + closedAlready.getMessage());
      }
    }
  }
}
