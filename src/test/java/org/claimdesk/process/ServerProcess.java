package org.claimdesk.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.claimdesk.testing.Api;

/**
 * One real ClaimDesk server process, started the way operators start it: {@code java -jar
 * payara-micro.jar --nocluster --port P --contextroot / --logproperties
 * src/main/payara/logging.properties --addlibs lib --deploy claimdesk.war}, in its own working
 * directory (so the default H2 URL {@code ./data/claimdesk} lands there), on a free loopback port,
 * with its output in a log file.
 *
 * <p>Every process started here is remembered until it has ended: {@link #close()}, {@link
 * #killAllStillRunning()} (for {@code @AfterAll}) and a JVM shutdown hook make sure no server
 * survives the build.
 */
public final class ServerProcess implements AutoCloseable {
  /** Fast enough for tests (about 13 s instead of 20 s to the first 200). */
  static final List<String> TEST_JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m");

  /**
   * 300 s, about six times a demo start on a busy 2-core machine: it only bounds a hang, a slow
   * start must not fail. Change it with {@code mvn verify -Dclaimdesk.it.health-timeout-seconds=N}.
   */
  static final Duration HEALTH_TIMEOUT =
      Duration.ofSeconds(Long.getLong("claimdesk.it.health-timeout-seconds", 300));

  /**
   * Payara says "ready" even when the deployment failed; after this long without health, give up.
   * ClaimDesk's own start-up ends before Payara's "ready", so health answers at once after it.
   */
  static final Duration HEALTH_GRACE_AFTER_PAYARA_READY = Duration.ofSeconds(120);

  /** How long a process may take to end after SIGKILL. */
  static final Duration KILL_TIMEOUT = Duration.ofSeconds(60);

  /** How long a process may take to end after SIGTERM before it gets SIGKILL. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

  /** The exit code of a JVM ended by SIGKILL (128 + 9). */
  static final int SIGKILL_EXIT_CODE = 137;

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
  private static final Pattern PAYARA_READY = Pattern.compile("Payara Micro .* ready in ");
  private static final Set<ServerProcess> NOT_ENDED = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger STARTS = new AtomicInteger();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(ServerProcess::killAllStillRunning, "kill-leftover-claimdesk-servers"));
  }

  private final Path workDir;
  private final Path logFile;
  private final int port;
  private final Process process;
  private final long startedAtNanos = System.nanoTime();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServerProcess(Path workDir, Path logFile, int port, Process process) {
    this.workDir = workDir;
    this.logFile = logFile;
    this.port = port;
    this.process = process;
  }

  // ---------------------------------------------------------------- starting

  /**
   * Settings for a server that runs in {@code workDir} (created if missing; reuse it to restart on
   * the same data).
   */
  public static Options in(Path workDir) {
    return new Options(workDir);
  }

  /** A fresh, empty directory under {@code target/process-it/}. */
  public static Path newWorkDir(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path dir =
        targetDir()
            .resolve("process-it")
            .resolve(name + "-" + stamp + "-" + STARTS.incrementAndGet());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to start; {@link #start()} launches the process and returns at once. */
  public static final class Options {
    private final Path workDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private List<String> cluster = List.of("--nocluster");

    private Options(Path workDir) {
      this.workDir = workDir.toAbsolutePath();
    }

    /**
     * An environment variable of the server (the test JVM's own CLAIMDESK_* variables are never
     * passed on).
     */
    public Options env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /**
     * A node of a cluster instead of a lone server: Payara's data grid in {@code tcpip} mode on
     * 127.0.0.1 with the listed members' grid ports (never multicast), this node's grid on {@code
     * gridPort}. As {@code ./claimdesk} does with CLAIMDESK_CLUSTER_MEMBERS: all members share one
     * address, so backups are not kept "host aware" (that would leave no member for them).
     */
    public Options clusterNode(String name, int gridPort, List<Integer> memberGridPorts) {
      cluster =
          List.of(
              "--clustermode",
              "tcpip:"
                  + String.join(",", memberGridPorts.stream().map(p -> "127.0.0.1:" + p).toList()),
              "--clustername",
              "claimdesk-it-" + memberGridPorts.get(0),
              "--interfaces",
              "127.0.0.1",
              "--startport",
              String.valueOf(gridPort),
              "--name",
              name,
              "--nohostaware");
      env.put("CLAIMDESK_NODE", name);
      return this;
    }

    /** A {@code -Dname=value} of the server JVM. */
    public Options systemProperty(String name, String value) {
      systemProperties.put(name, value);
      return this;
    }

    public ServerProcess start() {
      try {
        Files.createDirectories(workDir);
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        // Payara Micro binds its HTTP listener to every interface unless told otherwise; no
        // request timeout, as the launcher sets it.
        Path preboot = workDir.resolve("preboot.asadmin");
        Files.writeString(
            preboot,
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n"
                + "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.request-timeout-seconds=-1\n");
        int port = freeLoopbackPort();
        Path log = workDir.resolve("server-" + STARTS.incrementAndGet() + "-port-" + port + ".log");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TEST_JVM_OPTIONS);
        // Payara unpacks itself into java.io.tmpdir; keep that (and what a SIGKILL leaves behind)
        // under target/.
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dclaimdesk.port=" + port);
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", payaraMicroJar().toString()));
        command.addAll(cluster);
        command.addAll(
            List.of(
                "--port",
                String.valueOf(port),
                "--contextroot",
                "/",
                "--prebootcommandfile",
                preboot.toString(),
                "--logproperties",
                loggingProperties().toString(),
                "--addlibs",
                serverLibraries().toString(),
                "--deploy",
                claimDeskWar().toString()));

        ProcessBuilder builder =
            new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_"));
        builder.environment().putAll(env);
        Files.writeString(log, ""); // exists from the first moment, for log() and tail()
        Process process = builder.start();
        ServerProcess server = new ServerProcess(workDir, log, port, process);
        NOT_ENDED.add(server);
        System.out.printf(
            "[process-it] started ClaimDesk pid %d on 127.0.0.1:%d in %s (env %s)%n",
            process.pid(), port, workDir, env.keySet());
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start ClaimDesk", e);
      }
    }
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Waits for {@code GET /api/health} → 200 UP; fails with the log tail otherwise. Returns the time
   * since the start.
   */
  public Duration awaitHealthy() {
    return awaitHealthy(HEALTH_TIMEOUT);
  }

  public Duration awaitHealthy(Duration timeout) {
    long deadline = startedAtNanos + timeout.toNanos();
    Long payaraReadyAt = null;
    String lastAnswer = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "ClaimDesk (pid "
                + pid()
                + ") ended with exit code "
                + process.exitValue()
                + " before /api/health answered 200.\n"
                + diagnosis());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(baseUri().resolve("api/health"))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        lastAnswer = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          Duration took = sinceStart();
          System.out.printf(
              "[process-it] ClaimDesk pid %d healthy after %.1f s%n",
              pid(), took.toMillis() / 1000.0);
          return took;
        }
      } catch (IOException e) {
        lastAnswer = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for ClaimDesk", e);
      }
      if (payaraReadyAt == null && PAYARA_READY.matcher(log()).find()) {
        payaraReadyAt = System.nanoTime();
      }
      if (payaraReadyAt != null
          && System.nanoTime() - payaraReadyAt > HEALTH_GRACE_AFTER_PAYARA_READY.toNanos()) {
        throw new AssertionError(
            "Payara Micro reported 'ready' but /api/health did not answer 200 within "
                + HEALTH_GRACE_AFTER_PAYARA_READY.toSeconds()
                + " s (last answer: "
                + lastAnswer
                + "): the deployment failed?\n"
                + diagnosis());
      }
      pause(250);
    }
    throw new AssertionError(
        "ClaimDesk did not become healthy within "
            + timeout.toSeconds()
            + " s (last answer: "
            + lastAnswer
            + ").\n"
            + diagnosis());
  }

  /** Waits for the process to end by itself; empty if it still runs after {@code timeout}. */
  public OptionalInt awaitExit(Duration timeout) {
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        NOT_ENDED.remove(this);
        return OptionalInt.of(process.exitValue());
      }
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for ClaimDesk to end", e);
    }
  }

  // ---------------------------------------------------------------- ending

  /**
   * SIGKILL, like a power cut to the process (not to the machine): no shutdown hook, no flush.
   * {@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit code 137 = 128 + 9 proves
   * it.
   */
  public void killHard() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    OptionalInt code = awaitExit(KILL_TIMEOUT);
    if (code.isEmpty()) {
      throw new AssertionError(
          "ClaimDesk pid " + pid() + " survived SIGKILL for " + KILL_TIMEOUT.toSeconds() + " s");
    }
    if (code.getAsInt() != SIGKILL_EXIT_CODE) {
      throw new AssertionError(
          "ClaimDesk pid "
              + pid()
              + " ended with "
              + code.getAsInt()
              + ", not by SIGKILL (137): it was no longer running?\n"
              + diagnosis());
    }
    System.out.printf(
        "[process-it] ClaimDesk pid %d killed with SIGKILL (exit code %d)%n",
        pid(), code.getAsInt());
  }

  /**
   * SIGTERM, as systemd or Ctrl+C would stop it; SIGKILL if it takes longer than {@link
   * #STOP_TIMEOUT}. Returns the exit code.
   */
  public int stop() {
    if (!process.isAlive()) {
      NOT_ENDED.remove(this);
      return process.exitValue();
    }
    process.destroy();
    OptionalInt code = awaitExit(STOP_TIMEOUT);
    if (code.isPresent()) {
      System.out.printf(
          "[process-it] ClaimDesk pid %d stopped (exit code %d)%n", pid(), code.getAsInt());
      return code.getAsInt();
    }
    killHard();
    throw new AssertionError(
        "ClaimDesk pid "
            + pid()
            + " did not stop within "
            + STOP_TIMEOUT.toSeconds()
            + " s of SIGTERM; killed it.\n"
            + diagnosis());
  }

  /**
   * Kills the process if it still runs (tests that need a clean stop call {@link #stop()}) and
   * removes its temporary files.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      awaitExit(KILL_TIMEOUT);
    }
    NOT_ENDED.remove(this);
    deleteRecursively(workDir.resolve("tmp"));
  }

  /**
   * For {@code @AfterAll} and the shutdown hook: no ClaimDesk started by these tests outlives them.
   */
  public static void killAllStillRunning() {
    for (ServerProcess server : List.copyOf(NOT_ENDED)) {
      try {
        if (server.process.isAlive()) {
          System.out.printf("[process-it] killing leftover ClaimDesk pid %d%n", server.pid());
        }
        server.close();
      } catch (RuntimeException e) {
        System.err.println("[process-it] could not kill ClaimDesk pid " + server.pid() + ": " + e);
      }
    }
  }

  // ---------------------------------------------------------------- looking at it

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public Api api() {
    return Api.at(baseUri());
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path workDir() {
    return workDir;
  }

  public Path logFile() {
    return logFile;
  }

  public Duration sinceStart() {
    return Duration.ofNanos(System.nanoTime() - startedAtNanos);
  }

  /** Everything the process printed so far (stdout and stderr), without colour codes. */
  public String log() {
    try {
      return ANSI.matcher(new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8))
          .replaceAll("");
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** The last lines of the log, each cut to 400 characters. */
  public String tail(int lines) {
    List<String> all = log().lines().toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The lines that explain a failed start (errors, exceptions, ClaimDesk's own lines), then the
   * tail.
   */
  public String diagnosis() {
    String important =
        log()
            .lines()
            .filter(
                line ->
                    line.contains("SEVERE")
                        || line.contains("CLAIMDESK FAILED")
                        || line.contains("ClaimDesk")
                        || line.startsWith("Exception")
                        || line.startsWith("Internal Exception")
                        || line.contains("\"Deployed\"")
                        || PAYARA_READY.matcher(line).find())
            .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line)
            .limit(40)
            .collect(Collectors.joining("\n"));
    return "Log "
        + logFile
        + "\n--- important lines ---\n"
        + important
        + "\n--- last 60 lines ---\n"
        + tail(60);
  }

  // ---------------------------------------------------------------- helpers shared by the process
  // tests

  /** A port nobody listens on right now, on 127.0.0.1. */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The project directory (system property {@code project.basedir}, set by failsafe). */
  public static Path projectDir() {
    return Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")))
        .toAbsolutePath();
  }

  static Path targetDir() {
    String war = System.getProperty("claimdesk.war");
    return war != null ? Path.of(war).toAbsolutePath().getParent() : projectDir().resolve("target");
  }

  static Path payaraMicroJar() {
    return existing(
        System.getProperty("payara.microJar", targetDir().resolve("payara-micro.jar").toString()),
        "payara.microJar");
  }

  static Path claimDeskWar() {
    return existing(
        System.getProperty("claimdesk.war", targetDir().resolve("claimdesk.war").toString()),
        "claimdesk.war");
  }

  /** The libraries the WAR leaves to Payara Micro's class path ({@code target/lib}). */
  static Path serverLibraries() {
    return existing(
        System.getProperty("claimdesk.libs", targetDir().resolve("lib").toString()),
        "claimdesk.libs");
  }

  /** Payara's logging settings, the file {@code ./claimdesk} passes with --logproperties. */
  static Path loggingProperties() {
    return existing(
        projectDir().resolve("src/main/payara/logging.properties").toString(), "project.basedir");
  }

  private static Path existing(String file, String property) {
    Path path = Path.of(file).toAbsolutePath();
    if (!Files.exists(path)) {
      throw new AssertionError(
          path
              + " (system property "
              + property
              + ") is missing: run the process tests with 'mvn verify' (failsafe, after package)");
    }
    return path;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("[process-it] could not delete " + dir + ": " + e);
    }
  }
}
