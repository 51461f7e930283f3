package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * ClaimDesk refuses to run half-started: a taken port or an unusable database ends the process with
 * a non-zero exit code and a message that says what is wrong, instead of a server that answers 404
 * forever.
 */
class StartupFailureIT {
  /** The most a failed start may take to end the process: bounds a hang, like the health wait. */
  static final Duration FAILED_START_LIMIT = ServerProcess.HEALTH_TIMEOUT;

  /** A process still running this long after Payara said "ready" is not going to end by itself. */
  static final Duration STILL_RUNNING_AFTER_PAYARA_READY = Duration.ofSeconds(60);

  private static final Pattern PAYARA_READY = Pattern.compile("Payara Micro .* ready in ");

  @AfterAll
  static void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  void launcherRefusesAPortThatIsInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Launch launch = launch("port-in-use", Map.of("CLAIMDESK_PORT", String.valueOf(port)));
      String text = launch.output();
      System.out.printf(
          "[process-it] launcher on taken port %d ended=%s after %.1f s: %s%n",
          port, launch.ended(), launch.seconds(), text.strip());

      assertTrue(
          launch.ended(),
          "the launcher still ran 120 s after it was started on a taken port:\n" + text);
      assertNotEquals(0, launch.exitCode(), "exit code on a taken port:\n" + text);
      // a bash check ends in well under a second; 30 s leaves room for a crowded machine
      assertTrue(launch.seconds() < 30, "refused quickly (took " + launch.seconds() + " s)");
      assertFalse(text.contains("Payara"), "no server was started on a taken port:\n" + text);
      assertTrue(
          text.contains("port " + port) && text.contains("in use"),
          "the message names the taken port " + port + ":\n" + text);
      assertFalse(text.contains("Building"), "nothing is built before the port check:\n" + text);
      assertFalse(taken.isClosed());
    }
  }

  @Test
  void launcherRefusesAThreadCountThatIsNoNumberOfThreads() throws Exception {
    for (String threads : new String[] {"lots", "1", "0", "-4", "100000"}) {
      Launch launch =
          launch(
              "http-threads",
              Map.of(
                  "CLAIMDESK_PORT",
                  String.valueOf(ServerProcess.freeLoopbackPort()),
                  "CLAIMDESK_HTTP_THREADS",
                  threads));
      String text = launch.output();
      assertTrue(
          launch.ended(), "the launcher still ran 120 s after CLAIMDESK_HTTP_THREADS=" + threads);
      assertEquals(
          2, launch.exitCode(), "exit code for CLAIMDESK_HTTP_THREADS=" + threads + ":\n" + text);
      assertTrue(
          text.contains("CLAIMDESK_HTTP_THREADS='" + threads + "'"),
          "the message names the variable and its value:\n" + text);
      assertFalse(
          text.contains("Payara") || text.contains("Building"), "nothing started:\n" + text);
    }
  }

  /** What {@code ./claimdesk demo} did with only {@code env} of ClaimDesk's variables set. */
  record Launch(boolean ended, int exitCode, double seconds, String output) {}

  static Launch launch(String name, Map<String, String> env) throws Exception {
    Path output = ServerProcess.newWorkDir(name).resolve("launcher.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash", ServerProcess.projectDir().resolve("claimdesk").toString(), "demo")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("CLAIMDESK_"));
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process launcher = builder.start();
    boolean ended = launcher.waitFor(120, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!ended) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    return new Launch(
        ended,
        ended ? launcher.exitValue() : -1,
        seconds,
        Files.readString(output, StandardCharsets.UTF_8));
  }

  @Test
  void unreachableDatabaseEndsTheProcessWithAClearMessage() {
    int closedPort = ServerProcess.freeLoopbackPort(); // nobody listens there
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/claimdesk";
    String password = "never-printed-" + closedPort;
    // As operators run it: default exit-on-startup-failure, PostgreSQL settings from the
    // environment.
    try (ServerProcess server =
        ServerProcess.in(ServerProcess.newWorkDir("unreachable-db"))
            .env("CLAIMDESK_DB_URL", url)
            .env("CLAIMDESK_DB_USER", "claimdesk")
            .env("CLAIMDESK_DB_PASSWORD", password)
            .env("CLAIMDESK_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource")
            .start()) {

      OptionalInt exit = awaitSelfExit(server);
      String log = server.log();
      System.out.printf(
          "[process-it] unreachable database: exit %s after %.1f s%n",
          exit, server.sinceStart().toMillis() / 1000.0);

      assertTrue(
          exit.isPresent(),
          "ClaimDesk still runs "
              + server.sinceStart().toSeconds()
              + " s after its start with an unreachable database\n"
              + server.diagnosis());
      assertNotEquals(0, exit.getAsInt(), "exit code\n" + server.diagnosis());
      String failure =
          log.lines()
              .filter(line -> line.contains("CLAIMDESK FAILED TO START"))
              .findFirst()
              .orElseGet(() -> fail("no 'CLAIMDESK FAILED TO START' line\n" + server.diagnosis()));
      assertTrue(
          failure.toLowerCase(Locale.ROOT).contains("database"),
          "the failure names the database: " + failure);
      assertTrue(
          failure.contains("127.0.0.1:" + closedPort),
          "the failure names where the database was expected: " + failure);
      assertFalse(log.contains(password), "the database password never appears in the output");
      assertEquals(
          -1, log.indexOf("ClaimDesk is ready"), "a failed start never claims to be ready");
    }
  }

  /**
   * Waits up to {@link #FAILED_START_LIMIT} for the process to end by itself. A process still alive
   * {@link #STILL_RUNNING_AFTER_PAYARA_READY} after Payara's "ready" line has kept running without
   * the application: that is reported at once instead of waiting out the whole limit.
   */
  private static OptionalInt awaitSelfExit(ServerProcess server) {
    long payaraReadyAt = 0;
    while (server.sinceStart().compareTo(FAILED_START_LIMIT) < 0) {
      OptionalInt exit = server.awaitExit(Duration.ofMillis(500));
      if (exit.isPresent()) {
        return exit;
      }
      if (payaraReadyAt == 0 && PAYARA_READY.matcher(server.log()).find()) {
        payaraReadyAt = System.nanoTime();
      }
      if (payaraReadyAt != 0
          && System.nanoTime() - payaraReadyAt > STILL_RUNNING_AFTER_PAYARA_READY.toNanos()) {
        boolean deployedNothing =
            server.log().contains("\"Deployed\": [\n        ]")
                || server.log().replaceAll("\\s", "").contains("\"Deployed\":[]");
        fail(
            "With an unreachable database ClaimDesk did not end: Payara Micro reported 'ready' and still runs "
                + STILL_RUNNING_AFTER_PAYARA_READY.toSeconds()
                + " s later"
                + (deployedNothing ? " with NO application deployed" : "")
                + " (the deployment failed before ClaimDesk's start-up check could end the process)."
                + (server.log().contains("CLAIMDESK FAILED TO START")
                    ? ""
                    : " No 'CLAIMDESK FAILED TO START' line.")
                + "\n"
                + server.diagnosis());
      }
    }
    return OptionalInt.empty();
  }
}
