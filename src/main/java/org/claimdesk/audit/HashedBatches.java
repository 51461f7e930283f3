package org.claimdesk.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.claimdesk.platform.Futures;

/**
 * Checks each event's hash against its own content on a few threads while the next rows are read,
 * and hands the events on in sequence order with that result. An event's hash depends only on its
 * own row, so batches can be hashed apart; the checks that need the order (sequence, links) stay
 * with the one reader. At most a few batches are in flight, so memory stays bounded.
 */
final class HashedBatches implements AutoCloseable {
  /** Receives the events in order; returning false stops the walk. */
  interface Visitor {
    boolean visit(AuditEvent event, boolean hashMatchesContent);
  }

  private record Batch(List<AuditEvent> events, boolean[] hashMatches) {}

  private final int batchSize;
  private final int maxInFlight;
  private final Visitor visitor;
  private final ExecutorService pool;
  private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
  private List<AuditEvent> filling;
  private boolean stopped;

  HashedBatches(int batchSize, Visitor visitor) {
    this.batchSize = batchSize;
    this.visitor = visitor;
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    this.maxInFlight = 2 * threads;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "audit-chain-hashing");
              thread.setDaemon(true); // never keeps a command-line JVM alive
              return thread;
            });
    this.filling = new ArrayList<>(batchSize);
  }

  /** Takes the next event in sequence order; false once the visitor has stopped the walk. */
  boolean add(AuditEvent event) {
    filling.add(event);
    if (filling.size() == batchSize) {
      submit();
      while (!stopped && inFlight.size() > maxInFlight) {
        handOn(inFlight.poll());
      }
    }
    return !stopped;
  }

  /** Hands on every event still in flight, in order, unless the visitor stopped. */
  void finish() {
    if (!filling.isEmpty()) {
      submit();
    }
    while (!stopped && !inFlight.isEmpty()) {
      handOn(inFlight.poll());
    }
  }

  private void submit() {
    List<AuditEvent> events = filling;
    filling = new ArrayList<>(batchSize);
    inFlight.add(
        pool.submit(
            () -> {
              boolean[] matches = new boolean[events.size()];
              for (int i = 0; i < matches.length; i++) {
                matches[i] = events.get(i).hashMatchesContent();
              }
              return new Batch(events, matches);
            }));
  }

  private void handOn(Future<Batch> hashed) {
    Batch batch = Futures.result(hashed, "a batch of the audit verification");
    for (int i = 0; i < batch.events().size() && !stopped; i++) {
      stopped = !visitor.visit(batch.events().get(i), batch.hashMatches()[i]);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
