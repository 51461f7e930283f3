package org.claimdesk.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Work that must run on one node at a time, such as start-up's one-off upgrades and the demo
 * import: two nodes starting together would otherwise both find the demo articles missing. On
 * PostgreSQL a session-level advisory lock, held on one connection and released with it (a killed
 * node's lock goes with its connection); an H2 file is opened by one process only, so there the
 * JVM's own lock is enough.
 */
@ApplicationScoped
public class ClusterLock {
  /** The advisory lock's key: "CDSK" in ASCII, so a DBA can tell what holds it. */
  static final long STARTUP = 0x4344534BL;

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  public synchronized <T> T holding(Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection
              .getMetaData()
              .getDatabaseProductName()
              .toLowerCase(java.util.Locale.ROOT)
              .contains("postgres");
      if (postgres) {
        advisory(connection, "SELECT pg_advisory_lock(?)");
      }
      try {
        return work.get();
      } finally {
        if (postgres) {
          advisory(connection, "SELECT pg_advisory_unlock(?)");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the cluster lock: " + e.getMessage(), e);
    }
  }

  private static void advisory(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, STARTUP);
      statement.execute();
    }
  }
}
