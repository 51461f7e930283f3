package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line check, as an auditor runs it against a stopped H2 file. */
class VerifyCommandTest {
  @TempDir Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return VerifyCommand.run(
        args,
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void reportsIntactWritesACheckpointAndLaterProvesARewrite() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("claimdesk");
    ChainFixture chain = new ChainFixture(url).append(30);
    Path checkpoint = dir.resolve("checkpoint.json");

    assertEquals(0, run("--url", url, "--write-checkpoint", checkpoint.toString()));
    assertTrue(out().startsWith("30 events, intact, head hash " + chain.headHash()), out());
    assertTrue(Files.readString(checkpoint).contains("\"seq\":30"));

    chain.append(5);
    assertEquals(0, run("--url", url, "--against", checkpoint.toString()));
    assertTrue(
        out().contains("35 events, intact") && out().contains("matches checkpoint at event 30"),
        out());

    chain.asOwner("UPDATE audit_event SET reason = 'rewritten' WHERE seq = 17");
    assertEquals(1, run("--url", url));
    assertEquals(
        "BROKEN at event 17: its content does not match its hash (the event was altered)",
        out().strip());
  }

  @Test
  void aMissingDatabaseOrCheckpointIsAClearErrorNotAVerdict() {
    assertEquals(2, run("--url", "jdbc:h2:file:" + dir.resolve("nothing") + ";IFEXISTS=TRUE"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Cannot read the audit log"));
    assertEquals(
        2, run("--url", "jdbc:h2:mem:x", "--against", dir.resolve("no-such.json").toString()));
    assertEquals(2, run("--url"));
  }
}
