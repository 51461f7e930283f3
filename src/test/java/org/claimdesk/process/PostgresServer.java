package org.claimdesk.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for one test: a fresh cluster ({@code initdb}) in a temporary
 * directory, listening only on 127.0.0.1 on a free port, with one role and one UTF-8 database for
 * ClaimDesk (password authentication over TCP). {@link #close()} stops it and deletes everything.
 *
 * <p>Needs the server binaries of the Debian package {@code postgresql} ({@code
 * /usr/lib/postgresql/<version>/bin}). As root, the server runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {
  static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path baseDir;
  private final Path dataDir;
  private final int port;
  private final String database = "claimdesk";
  private final String user = "claimdesk";
  private final String password;
  private final Thread shutdownHook = new Thread(this::stopQuietly, "stop-test-postgresql");
  private volatile boolean running;

  private PostgresServer(Path bin, Path baseDir, int port, String password) {
    this.bin = bin;
    this.baseDir = baseDir;
    this.dataDir = baseDir.resolve("data");
    this.port = port;
    this.password = password;
  }

  /**
   * Creates, starts and prepares the server (about 2–4 s). Fails, never skips, without PostgreSQL.
   */
  public static PostgresServer start() {
    Path bin = findBinaries();
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    Path baseDir;
    try {
      // Not under target/: the postgres user must be able to reach it, and socket paths must stay
      // short.
      baseDir = Files.createTempDirectory(Path.of("/tmp"), "claimdesk-pg-");
      if (runsAsRoot()) {
        UserPrincipalLookupService users = baseDir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(baseDir, users.lookupPrincipalByName("postgres"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a directory for PostgreSQL", e);
    }
    PostgresServer server =
        new PostgresServer(
            bin,
            baseDir,
            ServerProcess.freeLoopbackPort(),
            "pw-" + HexFormat.of().formatHex(secret));
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      server.initAndStart();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private void initAndStart() {
    long started = System.nanoTime();
    run(
        Duration.ofSeconds(240),
        bin.resolve("initdb").toString(),
        "-D",
        dataDir.toString(),
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--auth-local=trust",
        "--auth-host=scram-sha-256");
    running = true;
    run(
        Duration.ofSeconds(240),
        bin.resolve("pg_ctl").toString(),
        "-D",
        dataDir.toString(),
        "-l",
        baseDir.resolve("postgresql.log").toString(),
        "-w",
        "-t",
        "180",
        "-o",
        "-p "
            + port
            + " -k "
            + baseDir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
        "start");
    psql("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
    psql("CREATE DATABASE " + database + " OWNER " + user + " ENCODING 'UTF8' TEMPLATE template0");
    System.out.printf(
        "[process-it] PostgreSQL (%s) ready on 127.0.0.1:%d after %.1f s%n",
        bin.getParent().getFileName(), port, (System.nanoTime() - started) / 1e9);
  }

  /** Runs SQL as the superuser over the private Unix socket. */
  public String psql(String sql) {
    return psqlIn("postgres", sql);
  }

  /**
   * Runs SQL as the superuser in one database (ClaimDesk's is {@link #database()}); several
   * statements in {@code sql} run as one transaction.
   */
  public String psqlIn(String databaseName, String sql) {
    return psqlWith(databaseName, Map.of("ON_ERROR_STOP", "1"), "-c", sql);
  }

  /**
   * Runs a psql script file (such as ops/postgresql/roles.sql) as the superuser, with {@code -v}
   * variables. The file is copied next to the server first: the postgres user may not reach it.
   */
  public String psqlScript(Path script, Map<String, String> variables) {
    Path copy = baseDir.resolve(script.getFileName());
    try {
      Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().setReadable(true, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot copy " + script, e);
    }
    return psqlWith("postgres", variables, "-f", copy.toString());
  }

  /** psql as the superuser over the private Unix socket, with {@code -v} variables. */
  private String psqlWith(String databaseName, Map<String, String> variables, String... what) {
    List<String> command =
        new ArrayList<>(
            List.of(
                bin.resolve("psql").toString(),
                "-h",
                baseDir.toString(),
                "-p",
                String.valueOf(port),
                "-U",
                "postgres",
                "-d",
                databaseName,
                "-X",
                "-q"));
    variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
    command.addAll(List.of(what));
    return run(Duration.ofSeconds(120), command.toArray(String[]::new));
  }

  /** A JDBC URL for another database of this server. */
  public String jdbcUrl(String databaseName) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The database ClaimDesk uses, owned by {@link #user()}. */
  public String database() {
    return database;
  }

  /** ClaimDesk's role: LOGIN, no superuser, owner of {@link #database()}. */
  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** A JDBC connection as ClaimDesk's role, over TCP with the password. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
  }

  private synchronized void stopQuietly() {
    if (running) {
      try {
        run(
            Duration.ofSeconds(120),
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir.toString(),
            "-m",
            "immediate",
            "-w",
            "stop");
      } catch (RuntimeException | Error e) {
        System.err.println("[process-it] stopping PostgreSQL failed: " + e.getMessage());
      }
      running = false;
    }
    if (Files.exists(baseDir)) {
      try (Stream<Path> paths = Files.walk(baseDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        System.err.println("[process-it] could not delete " + baseDir + ": " + e);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  static Path findBinaries() {
    Optional<Path> newest;
    try (Stream<Path> versions =
        Files.isDirectory(DEBIAN_BINARIES) ? Files.list(DEBIAN_BINARIES) : Stream.empty()) {
      newest =
          versions
              .filter(
                  v ->
                      Files.isExecutable(v.resolve("bin/initdb"))
                          && Files.isExecutable(v.resolve("bin/pg_ctl")))
              .max(Comparator.comparingDouble(PostgresServer::version))
              .map(v -> v.resolve("bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return newest.orElseThrow(
        () ->
            new AssertionError(
                "PostgreSQL server binaries not found ("
                    + DEBIAN_BINARIES
                    + "/<version>/bin/initdb and pg_ctl). "
                    + "Install the Debian package 'postgresql' (apt-get install postgresql; CI's .ci/run installs it). "
                    + "This test starts its own server on 127.0.0.1 and does not skip without one."));
  }

  private static double version(Path dir) {
    try {
      return Double.parseDouble(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * Runs a PostgreSQL tool (as the postgres user when we are root); fails with its output unless it
   * exits 0.
   */
  private String run(Duration timeout, String... command) {
    List<String> full = new ArrayList<>();
    if (runsAsRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    try {
      Path output = Files.createTempFile("claimdesk-pg-cmd-", ".log");
      try {
        Process process =
            new ProcessBuilder(full)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(
              "Timed out after "
                  + timeout.toSeconds()
                  + " s: "
                  + String.join(" ", full)
                  + "\n"
                  + Files.readString(output, StandardCharsets.UTF_8)
                  + serverLog());
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(
              "Exit code "
                  + process.exitValue()
                  + ": "
                  + String.join(" ", full)
                  + "\n"
                  + text
                  + serverLog());
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted: " + String.join(" ", full), e);
    }
  }

  private String serverLog() {
    Path log = baseDir.resolve("postgresql.log");
    try {
      return Files.exists(log)
          ? "\n--- postgresql.log ---\n" + Files.readString(log, StandardCharsets.UTF_8)
          : "";
    } catch (IOException e) {
      return "";
    }
  }
}
