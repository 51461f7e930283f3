package org.claimdesk.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds a node's search index from the database, a batch of entries at a time (memory stays
 * bounded whatever the size), into a new index beside the current one, which keeps answering until
 * the new one replaces it. A small rebuild runs while start-up waits; a large one in the
 * background, with its progress in the log and in {@code /api/health}.
 */
@ApplicationScoped
public class IndexRebuild {
  private static final Logger LOG = Logger.getLogger(IndexRebuild.class.getName());
  private static final int BATCH = 500;
  private static final Duration LOG_EVERY = Duration.ofSeconds(10);

  @Inject SearchService search;
  @Inject Clock clock;
  @Resource ManagedExecutorService executor;

  /** Up to this many entries (a few seconds' work) start-up waits for the rebuild. */
  @Inject
  @ConfigProperty(name = "claimdesk.search.rebuild-while-starting", defaultValue = "20000")
  long whileStarting;

  private volatile Progress progress;

  /** A rebuild under way: {@code entries} of about {@code of} written since {@code startedAt}. */
  public record Progress(long entries, long of, Instant startedAt) {}

  public Optional<Progress> progress() {
    return Optional.ofNullable(progress);
  }

  public boolean running() {
    return progress != null;
  }

  /**
   * At start-up: an index that does not follow the audit log (new, emptied, or from before
   * following) is rebuilt, at once when small, else in the background. Returns whether there was
   * anything to rebuild.
   */
  public boolean startIfMissing() {
    if (search.followsTheLog()) {
      return false;
    }
    long entries = search.entriesToRebuild();
    if (entries <= whileStarting) {
      if (begin(entries)) {
        run();
      }
    } else {
      start(entries);
    }
    return entries > 0;
  }

  /** Starts a rebuild in the background unless one runs; returns whether it started. */
  public boolean start() {
    return start(search.entriesToRebuild());
  }

  private boolean start(long entries) {
    if (!begin(entries)) {
      return false;
    }
    LOG.info(
        () ->
            "Search index rebuild started in the background for about "
                + entries
                + " entries; until it ends, searches answer from the index as it was.");
    executor.execute(
        () -> {
          try {
            run();
          } catch (RuntimeException e) {
            LOG.log(
                Level.SEVERE,
                "Search index rebuild failed; the index keeps answering as it was: "
                    + e.getMessage(),
                e);
          }
        });
    return true;
  }

  private synchronized boolean begin(long entries) {
    if (progress != null) {
      return false;
    }
    progress = new Progress(0, entries, clock.instant());
    return true;
  }

  /** The rebuild itself; a failure leaves the index as it was and is thrown. */
  private void run() {
    Instant started = progress.startedAt();
    try {
      // read before the rows: what is committed meanwhile is applied again by following the log
      long seq = search.auditHead();
      long written = 0;
      Instant logged = clock.instant();
      try (SearchIndex.Replacement replacement = search.replacement()) {
        for (Kind kind : List.of(Kind.CLAIM, Kind.ARTICLE, Kind.CLAIMANT, Kind.EVIDENCE)) {
          long after = 0;
          for (List<Entry> batch; !(batch = search.entriesAfter(kind, after, BATCH)).isEmpty(); ) {
            batch.forEach(replacement::add);
            after = batch.get(batch.size() - 1).id();
            written += batch.size();
            progress = new Progress(written, Math.max(written, progress.of()), started);
            if (Duration.between(logged, clock.instant()).compareTo(LOG_EVERY) >= 0) {
              logged = clock.instant();
              LOG.info(progressLine(progress));
            }
          }
        }
        replacement.replace(seq);
      }
      long total = written;
      LOG.info(
          () ->
              "Search index rebuilt with "
                  + total
                  + " entries. It follows the audit log from event "
                  + seq
                  + " on ("
                  + Duration.between(started, clock.instant()).toSeconds()
                  + " s).");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("search index rebuild failed", e);
    } finally {
      progress = null;
    }
  }

  private static String progressLine(Progress p) {
    return "Search index rebuild: "
        + p.entries()
        + " of about "
        + p.of()
        + " entries ("
        + (p.of() == 0 ? 100 : 100 * p.entries() / p.of())
        + " %)";
  }
}
