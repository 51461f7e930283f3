package org.claimdesk.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * nginx in front of cluster nodes for one test, configured from the repository's own {@code
 * ops/nginx/claimdesk.conf} (the file ops/cluster uses), listening on 127.0.0.1 only. Needs the
 * Debian package {@code nginx}.
 */
public final class NginxServer implements AutoCloseable {
  static final Path TEMPLATE = Path.of("ops/nginx/claimdesk.conf");
  private static final Pattern NODE = Pattern.compile("node=([0-9.:]+(?:, [0-9.:]+)*) ");

  private final Path dir;
  private final int port;

  private NginxServer(Path dir, int port) {
    this.dir = dir.toAbsolutePath();
    this.port = port;
  }

  /** Starts nginx on {@code port} in front of the nodes on {@code nodePorts}. */
  public static NginxServer start(Path dir, int port, List<Integer> nodePorts) {
    NginxServer nginx = new NginxServer(dir, port);
    nginx.configure(nodePorts);
    nginx.run("-t", "-q");
    nginx.run();
    System.out.printf("[process-it] nginx on 127.0.0.1:%d in front of %s%n", port, nodePorts);
    return nginx;
  }

  /**
   * Points nginx at other node ports (a restarted node has a new one) without dropping requests.
   */
  public void reconfigure(List<Integer> nodePorts) {
    configure(nodePorts);
    run("-s", "reload");
    System.out.printf("[process-it] nginx now in front of %s%n", nodePorts);
  }

  public int port() {
    return port;
  }

  public java.net.URI baseUri() {
    return java.net.URI.create("http://127.0.0.1:" + port + "/");
  }

  /** The node port that answered the newest logged request whose line contains {@code what}. */
  public Optional<Integer> lastNodeFor(String what) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("access.log"), StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (lines.get(i).contains(what)) {
          Matcher m = NODE.matcher(lines.get(i));
          if (m.find()) {
            String[] tried = m.group(1).split(",");
            String last = tried[tried.length - 1].strip();
            return Optional.of(Integer.parseInt(last.substring(last.lastIndexOf(':') + 1)));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String accessLog() {
    try {
      return Files.readString(dir.resolve("access.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no access log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (Files.exists(dir.resolve("nginx.pid"))) {
      run("-s", "stop");
    }
  }

  private void configure(List<Integer> nodePorts) {
    try {
      Files.createDirectories(dir.resolve("tmp"));
      String servers =
          nodePorts.stream()
              .map(p -> "    server 127.0.0.1:" + p + " max_fails=2 fail_timeout=5s;")
              .collect(Collectors.joining("\n"));
      String root = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
      String conf =
          Files.readString(TEMPLATE, StandardCharsets.UTF_8)
              .replace("@SERVERS@", servers)
              .replace("@USER@", root)
              .replace("@RUN@", dir.toString())
              .replace("@PORT@", String.valueOf(port));
      Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the nginx configuration", e);
    }
  }

  /** Debian's nginx is in /usr/sbin, which is not on every user's PATH. */
  private static String binary() {
    return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
  }

  private void run(String... args) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(binary(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString()));
    command.addAll(List.of(args));
    try {
      Path output = dir.resolve("nginx-command.log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
              .start();
      if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)
          || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " failed:\n" + Files.readString(output));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run nginx (Debian package nginx)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
