package org.claimdesk.identity;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.claimdesk.platform.ClaimDeskDataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On a cluster, the node where an administrator disables an account, resets its password or changes
 * its roles ends only the sessions it holds ({@link SessionRegistry}); the person may be working on
 * another node. Every node therefore reads the audit log, the cluster's record of what changed, for
 * those events and ends its own sessions of that person within {@code
 * claimdesk.search.follow-millis}.
 */
@ApplicationScoped
public class SessionsEndedElsewhere {
  private static final Logger LOG = Logger.getLogger(SessionsEndedElsewhere.class.getName());

  /** The actions after which a person must sign in again (as in {@link Accounts}). */
  static final List<String> ENDING =
      List.of("account.disabled", "account.password-reset", "account.roles-changed");

  static final String ENDED_BETWEEN =
      "SELECT entity_id FROM audit_event WHERE action = ? AND seq > ? AND seq <= ?";

  @Resource(lookup = ClaimDeskDataSource.JNDI_NAME)
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SessionRegistry sessions;

  @Inject
  @ConfigProperty(name = "claimdesk.search.follow-millis", defaultValue = "500")
  long followMillis;

  private long seen;
  private ScheduledFuture<?> following;

  /** From now on: sessions on this node started after anything already in the log. */
  public synchronized void start() {
    try (Connection c = dataSource.getConnection()) {
      seen = head(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the audit log: " + e.getMessage(), e);
    }
    if (following == null) {
      following =
          scheduler.scheduleWithFixedDelay(
              this::followOnce, followMillis, followMillis, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void followOnce() {
    try (Connection c = dataSource.getConnection()) {
      // appends lock the chain head until they commit, so nothing at or below head turns up later
      long head = head(c);
      if (head > seen) {
        endedBetween(c, seen, head).forEach(sessions::endSessionsOf);
        seen = head;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read account changes from the audit log", e);
    }
  }

  /** The people whose sessions an event after {@code seen} up to {@code head} ended. */
  static Set<String> endedBetween(Connection c, long seen, long head) throws SQLException {
    Set<String> people = new LinkedHashSet<>();
    // one range of the (action, seq) index per action: with IN (…) H2 tested every row of the
    // log instead, seconds per tick at ten million events
    try (PreparedStatement q = c.prepareStatement(ENDED_BETWEEN)) {
      for (String action : ENDING) {
        q.setString(1, action);
        q.setLong(2, seen);
        q.setLong(3, head);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            people.add(rows.getString(1));
          }
        }
      }
    }
    return people;
  }

  private static long head(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT MAX(seq) FROM audit_event");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (following != null) {
      following.cancel(false);
    }
  }
}
