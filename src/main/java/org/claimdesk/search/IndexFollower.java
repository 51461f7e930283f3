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
  @Inject IndexRebuild rebuild;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "claimdesk.search.follow-millis", defaultValue = "500")
  long followMillis;

  private ScheduledFuture<?> following;

  /**
   * Catches up now (start-up waits for it), then keeps following. While the index is rebuilt it
   * waits: the new index follows from where its rebuild began.
   */
  public synchronized void start() {
    int caughtUp = 0;
    for (int applied; !rebuild.running() && (applied = search.catchUp(BATCH)) > 0; ) {
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
      if (rebuild.running()) {
        return;
      }
      int applied;
      do {
        applied = search.catchUp(BATCH); // a burst elsewhere: on without waiting for the next tick
      } while (applied == BATCH);
      if (applied == 0 && search.aheadOfTheLog()) {
        // restored from an older backup: the index holds what the database no longer does
        LOG.warning("The search index is ahead of the audit log: rebuilding.");
        rebuild.start();
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
