package org.claimdesk.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this node's search index following the audit log, so that what any node of a cluster
 * changes becomes searchable here too. The node that made a change indexes it at commit already
 * (read-your-writes); this catches up with everybody else's every {@code
 * claimdesk.search.follow-millis}. Each node follows on its own: indexes are per node.
 */
@ApplicationScoped
public class IndexFollower {
  private static final Logger LOG = Logger.getLogger(IndexFollower.class.getName());
  private static final int BATCH = 2000;

  @Inject SearchService search;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "claimdesk.search.follow-millis", defaultValue = "500")
  long followMillis;

  private ScheduledFuture<?> following;

  /** Catches up now (start-up waits for it), then keeps following. */
  public synchronized void start() {
    int caughtUp = 0;
    for (int applied; (applied = search.catchUp(BATCH)) > 0; ) {
      caughtUp += applied;
      if (applied == BATCH) {
        int sofar = caughtUp;
        LOG.info(() -> "Search index catching up with the audit log: " + sofar + " events so far");
      }
    }
    if (caughtUp > 0) {
      int total = caughtUp;
      LOG.info(() -> "Search index caught up with " + total + " audit event(s).");
    }
    if (following == null) {
      following =
          scheduler.scheduleWithFixedDelay(
              this::followOnce, followMillis, followMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void followOnce() {
    try {
      while (search.catchUp(BATCH) == BATCH) {
        // a burst elsewhere: keep going without waiting for the next tick
      }
    } catch (RuntimeException e) {
      // the database may be away for a moment; the next tick tries again from the same position
      LOG.log(Level.WARNING, "Search index could not follow the audit log: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (following != null) {
      following.cancel(false);
    }
  }
}
