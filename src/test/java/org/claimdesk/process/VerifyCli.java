package org.claimdesk.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./claimdesk verify}, the audit chain check operators run against a stopped H2 file or a
 * running PostgreSQL, run as its own process the way they run it: either through the launcher
 * script or as the {@code java -cp target/claimdesk/WEB-INF/classes:target/verify-lib/*
 * org.claimdesk.audit.VerifyCommand} the launcher executes.
 */
final class VerifyCli {
  /** A verification takes a few seconds; this only bounds a hang. */
  static final Duration TIMEOUT = Duration.ofSeconds(180);

  /** What the command printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output, List<String> command) {
    @Override
    public String toString() {
      return "exit " + exitCode + " of " + String.join(" ", command) + "\n" + output;
    }
  }

  private final Map<String, String> env = new LinkedHashMap<>();

  private VerifyCli() {}

  static VerifyCli withEnv(String name, String value) {
    return new VerifyCli().env(name, value);
  }

  static VerifyCli plain() {
    return new VerifyCli();
  }

  VerifyCli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /**
   * {@code java -cp target/claimdesk/WEB-INF/classes:target/verify-lib/* VerifyCommand args…},
   * exactly the command line of {@code ./claimdesk verify}.
   */
  Result java(String... args) {
    Path target = ServerProcess.targetDir();
    Path classes = target.resolve("claimdesk/WEB-INF/classes");
    Path libs = target.resolve("verify-lib");
    if (!Files.isDirectory(classes.resolve("org/claimdesk/audit")) || !Files.isDirectory(libs)) {
      throw new AssertionError(
          classes + " or " + libs + " is missing: run the process tests with 'mvn verify'");
    }
    List<String> command = new ArrayList<>();
    command.add(javaBinary().toString());
    command.add("-cp");
    command.add(classes + ":" + libs + "/*");
    command.add("org.claimdesk.audit.VerifyCommand");
    command.addAll(List.of(args));
    return run(command, target.getParent());
  }

  /**
   * {@code <project>/claimdesk verify args…}. The launcher rebuilds ClaimDesk with Maven when a
   * source is newer than the WAR; a test must not start a second build inside the running one, so
   * in that case (sources edited during the build) this falls back to {@link #java} and says so.
   */
  Result launcher(String... args) {
    Path project = ServerProcess.projectDir();
    Path script = project.resolve("claimdesk");
    if (!Files.isExecutable(script)
        || !ServerProcess.targetDir().equals(project.resolve("target"))
        || launcherWouldRebuild(project)) {
      System.out.println(
          "[process-it] the launcher would rebuild ClaimDesk (or is not next to target/): running"
              + " VerifyCommand with the launcher's class path instead");
      return java(args);
    }
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.add("verify");
    command.addAll(List.of(args));
    return run(command, project);
  }

  /**
   * The launcher's own test: {@code find pom.xml src/main webapp sql -newer target/claimdesk.war}.
   */
  static boolean launcherWouldRebuild(Path project) {
    Path target = project.resolve("target");
    if (!Files.isRegularFile(target.resolve("claimdesk.war"))
        || !Files.isRegularFile(target.resolve("payara-micro.jar"))
        || !Files.isDirectory(target.resolve("lib"))
        || !Files.isDirectory(target.resolve("verify-lib"))) {
      return true;
    }
    try {
      FileTime war = Files.getLastModifiedTime(target.resolve("claimdesk.war"));
      for (String root : List.of("pom.xml", "src/main", "webapp", "sql")) {
        Path path = project.resolve(root);
        if (!Files.exists(path)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(path)) {
          if (files.anyMatch(p -> modified(p).compareTo(war) > 0)) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException | UncheckedIOException e) {
      return true;
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result run(List<String> command, Path workDir) {
    try {
      Path output = Files.createTempFile("claimdesk-verify-", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_"));
        // the launcher calls plain `java`: the one that runs the tests
        builder
            .environment()
            .put(
                "PATH",
                javaBinary().getParent() + ":" + builder.environment().getOrDefault("PATH", ""));
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(
              "verify did not end within "
                  + TIMEOUT.toSeconds()
                  + " s: "
                  + String.join(" ", command)
                  + "\n"
                  + Files.readString(output, StandardCharsets.UTF_8));
        }
        Result result =
            new Result(
                process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), command);
        System.out.printf(
            "[process-it] verify (%.1f s, exit %d): %s%n",
            (System.nanoTime() - started) / 1e9, result.exitCode(), result.output().strip());
        return result;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted: " + String.join(" ", command), e);
    }
  }

  private static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }
}
