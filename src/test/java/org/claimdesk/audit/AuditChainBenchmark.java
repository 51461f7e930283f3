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
    try (Connection c = chain.connect()) {
      report = ChainVerifier.verify(c, Optional.empty());
    }
    long verified = System.nanoTime();
    long heapAfter = runtime.totalMemory() - runtime.freeMemory();
    if (!report.intact() || report.events() != EVENTS) {
      throw new AssertionError(report.summary());
    }
    System.out.printf(
        "BENCHMARK audit chain: %,d events written in %.1f s; verified in %.1f s (%,.0f events/s); heap %d MB -> %d MB; max heap %d MB%n",
        EVENTS,
        (appended - start) / 1e9,
        (verified - appended) / 1e9,
        EVENTS / ((verified - appended) / 1e9),
        heapBefore >> 20,
        heapAfter >> 20,
        runtime.maxMemory() >> 20);
  }
}
