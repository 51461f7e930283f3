package org.claimdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test: verifies a chain of one million events in an H2 file and prints the
 * figures (docs/benchmarks.md). Run it with {@code mvn test -Pbenchmark}.
 */
@Tag("benchmark")
class AuditChainBenchmark {
  static final int EVENTS = Integer.getInteger("benchmark.events", 1_000_000);

  @TempDir java.nio.file.Path dir;

  @Test
  void verifyOneMillionEvents() throws SQLException {
    ChainFixture chain = new ChainFixture("jdbc:h2:file:" + dir.resolve("bench"));
    long start = System.nanoTime();
    chain.append(EVENTS);
    long appended = System.nanoTime();
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heapBefore = runtime.totalMemory() - runtime.freeMemory();
    ChainVerifier.Report report;
    long cpuBefore = processCpuNanos();
    try (Connection c = chain.connect()) {
      report = ChainVerifier.verify(c, Optional.empty());
    }
    long verified = System.nanoTime();
    long cpu = processCpuNanos() - cpuBefore;
    System.gc(); // what the verification left behind, not garbage awaiting collection
    long heapAfter = runtime.totalMemory() - runtime.freeMemory();
    if (!report.intact() || report.events() != EVENTS) {
      throw new AssertionError(report.summary());
    }
    long heapWhile = liveHeapWhileVerifying(chain);
    System.out.printf(
        "BENCHMARK audit chain: %,d events written in %.1f s; verified in %.1f s (%,.0f events/s, %.1f s CPU time of all threads, GC included); live heap %d MB before, at most %d MB while verifying (a second, untimed run), %d MB after; max heap %d MB%n",
        EVENTS,
        (appended - start) / 1e9,
        (verified - appended) / 1e9,
        EVENTS / ((verified - appended) / 1e9),
        cpu / 1e9,
        heapBefore >> 20,
        heapWhile >> 20,
        heapAfter >> 20,
        runtime.maxMemory() >> 20);

    // what the auditor's log page and export do at this size
    AuditFilter byActor = new AuditFilter("supervisor", null, null, null, null, null, null);
    AuditFilter byEntity = new AuditFilter(null, null, "account", "user-3", null, null, null);
    try (Connection c = chain.connect()) {
      time(
          "first page, no filter",
          () -> EventRows.newestFirst(c, AuditFilter.EVERYTHING, null, 0, 50).size());
      time("first page, actor filter", () -> EventRows.newestFirst(c, byActor, null, 0, 50).size());
      time(
          "page 200 (offset 10,000), actor filter",
          () -> EventRows.newestFirst(c, byActor, null, 10_000, 50).size());
      time(
          "keyset page below event 500,000, entity filter",
          () -> EventRows.newestFirst(c, byEntity, 500_000L, 0, 50).size());
      time(
          "capped count, no filter",
          () -> EventRows.countUpTo(c, AuditFilter.EVERYTHING, AuditLog.COUNT_CAP + 1));
      time(
          "capped count, entity filter",
          () -> EventRows.countUpTo(c, byEntity, AuditLog.COUNT_CAP + 1));
      long[] exported = {0, 0};
      System.gc();
      long heapStart = runtime.totalMemory() - runtime.freeMemory();
      long exportStart = System.nanoTime();
      java.io.Writer sink = java.io.Writer.nullWriter();
      EventRows.walk(
          c,
          byActor.where(),
          byActor.parameters(),
          "seq",
          event -> {
            EventExport.CSV.write(event, sink);
            if (++exported[0] % 100_000 == 0) { // the live heap while streaming stays flat
              System.gc();
              exported[1] = Math.max(exported[1], runtime.totalMemory() - runtime.freeMemory());
            }
            return true;
          });
      System.out.printf(
          "BENCHMARK streamed CSV export (actor filter): %,d events in %.1f s; live heap %d MB"
              + " before, at most %d MB while streaming%n",
          exported[0], (System.nanoTime() - exportStart) / 1e9, heapStart >> 20, exported[1] >> 20);
    }
  }

  /**
   * A case's story in a log of a million events: every tenth event belongs to one of 20,000 claims
   * (about 5 each), every fifth to a case (one each); case 5's claim is claim 77.
   */
  @Test
  void aCasesStoryInAMillionEvents() throws SQLException {
    ChainFixture chain = new ChainFixture("jdbc:h2:file:" + dir.resolve("story"));
    try (Connection c = chain.connect();
        java.sql.Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO claim (id, version, statement, language, appearances, created_at,"
              + " created_by) VALUES (77, 1, 'x', 'de', 1, CURRENT_TIMESTAMP, 'a')");
      s.execute(
          "INSERT INTO fact_case (id, version, claim_id, title, status, priority, selection_reason,"
              + " opened_at, opened_by, priority_rank, status_rank) VALUES (5, 1, 77, 't', 'NEW',"
              + " 'LOW', 'r', CURRENT_TIMESTAMP, 'a', 0, 0)");
    }
    chain.append(
        EVENTS,
        seq -> {
          AuditEvent.Content c = ChainFixture.content(seq);
          return seq % 10 != 3
              ? c
              : new AuditEvent.Content(
                  c.occurredAt(),
                  c.actor(),
                  c.actorRoles(),
                  "claim.edited",
                  "claim",
                  String.valueOf(seq % 20_000 == 3 ? 77 : seq / 10 % 20_000 + 100),
                  null,
                  c.entityVersion(),
                  c.changes(),
                  null,
                  null,
                  null);
        });
    AuditFilter story = AuditFilter.ofCase(5);
    try (Connection c = chain.connect()) {
      time(
          "a case's story, oldest first (the history page)",
          () -> {
            int[] n = {0};
            EventRows.walk(c, story.where(), story.parameters(), "seq", e -> ++n[0] > 0);
            return n[0];
          });
      time(
          "a case's story, first page newest first (GET /api/audit?case=)",
          () -> EventRows.newestFirst(c, story, null, 0, 100).size());
      time(
          "a case's story, capped count (the log page)",
          () -> EventRows.countUpTo(c, story, AuditLog.COUNT_CAP + 1));
      AuditFilter storyOfOneAction =
          new AuditFilter(null, "claim.edited", null, null, 5L, null, null);
      time(
          "a case's story, one action, first page newest first",
          () -> EventRows.newestFirst(c, storyOfOneAction, null, 0, 100).size());
      AuditFilter storyByActor = new AuditFilter("supervisor", null, null, null, 5L, null, null);
      time(
          "a case's story, one person, first page newest first",
          () -> EventRows.newestFirst(c, storyByActor, null, 0, 100).size());
    }
  }

  /** CPU time of this JVM: on a shared machine the wall time says more about the others' load. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Verifies again while another thread collects garbage twice a second and notes the rest. */
  private static long liveHeapWhileVerifying(ChainFixture chain) throws SQLException {
    Runtime runtime = Runtime.getRuntime();
    java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                System.gc();
                most.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    try (Connection c = chain.connect()) {
      ChainVerifier.verify(c, Optional.empty());
    } finally {
      done.set(true);
    }
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return most.get();
  }

  interface Query {
    int run() throws SQLException;
  }

  /** The first run only: H2 answers a repeated identical query from its result cache. */
  private static void time(String what, Query query) throws SQLException {
    long start = System.nanoTime();
    int rows = query.run();
    System.out.printf(
        "BENCHMARK %s: %d rows in %.1f ms (cold)%n", what, rows, (System.nanoTime() - start) / 1e6);
  }
}
