package org.claimdesk.article;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code ./claimdesk import <folder or .zip>…}: sends article files to a running ClaimDesk's batch
 * import and prints each file's outcome as the server reports it. Exit status 0 when every file was
 * imported or already there, 1 when some were refused, 2 for a usage or connection problem.
 */
public final class ImportCommand {
  private final PrintStream out;
  private final Map<String, String> env;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ImportCommand(PrintStream out, Map<String, String> env) {
    this.out = out;
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(new ImportCommand(System.out, System.getenv()).run(List.of(args)));
  }

  int run(List<String> args) {
    if (args.isEmpty()) {
      out.println(
          "usage: ./claimdesk import <folder or .zip>… (CLAIMDESK_URL, and CLAIMDESK_TOKEN or"
              + " CLAIMDESK_USER + CLAIMDESK_PASSWORD)");
      return 2;
    }
    URI base =
        URI.create(
            env.getOrDefault(
                "CLAIMDESK_URL",
                "http://127.0.0.1:" + env.getOrDefault("CLAIMDESK_PORT", "8080") + "/"));
    try {
      Token token = token(base);
      try {
        int refused = 0;
        for (String arg : args) {
          refused += send(base, token.secret(), Path.of(arg));
        }
        return refused == 0 ? 0 : 1;
      } finally {
        token.revokeIfOurs(base);
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      out.println("Import failed: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  /** The bearer secret; {@code id} is set when this run issued it and must revoke it. */
  private record Token(String secret, Long id, HttpClient http) {
    void revokeIfOurs(URI base) throws IOException, InterruptedException {
      if (id != null) {
        http.send(
            HttpRequest.newBuilder(base.resolve("api/tokens/" + id))
                .header("Authorization", "Bearer " + secret)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  private Token token(URI base) throws IOException, InterruptedException {
    String token = env.get("CLAIMDESK_TOKEN");
    if (token != null && !token.isBlank()) {
      return new Token(token.strip(), null, http);
    }
    String user = env.get("CLAIMDESK_USER");
    String password = env.get("CLAIMDESK_PASSWORD");
    if (user == null || password == null) {
      throw new IllegalStateException(
          "set CLAIMDESK_TOKEN, or CLAIMDESK_USER and CLAIMDESK_PASSWORD.");
    }
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/tokens"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"import command\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 201) {
      throw new IllegalStateException("sign-in refused (HTTP " + reply.statusCode() + ").");
    }
    // a token for this run only: it is revoked when the import ends
    JsonObject issued = Json.createReader(new StringReader(reply.body())).readObject();
    return new Token(
        issued.getString("token"),
        issued.getJsonObject("details").getJsonNumber("id").longValue(),
        http);
  }

  /** Sends one folder or archive; returns how many files were refused. */
  private int send(URI base, String token, Path path) throws IOException, InterruptedException {
    if (!Files.isReadable(path)) {
      throw new IllegalStateException(path + " does not exist or cannot be read.");
    }
    byte[] zip = Files.isDirectory(path) ? zipOf(path) : Files.readAllBytes(path);
    out.println("Importing " + path + " …");
    HttpResponse<InputStream> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/articles/batch"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (reply.statusCode() != 200) {
      String body = new String(reply.body().readAllBytes(), StandardCharsets.UTF_8);
      throw new IllegalStateException("HTTP " + reply.statusCode() + ": " + body);
    }
    int refused = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(reply.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        JsonObject o = Json.createReader(new StringReader(line)).readObject();
        if (o.containsKey("done")) {
          out.println(o.getInt("imported") + " article(s) imported from " + path + ".");
          continue;
        }
        String result = o.getString("result");
        String what =
            switch (result) {
              case "imported" ->
                  "imported as article "
                      + o.getJsonNumber("article")
                      + ": "
                      + o.getString("message");
              case "duplicate" -> "already there: " + o.getString("existing");
              default -> result + ": " + o.getString("message");
            };
        if (!result.equals("imported") && !result.equals("duplicate")) {
          refused++;
        }
        out.println("[" + o.getInt("number") + "] " + o.getString("file") + " — " + what);
      }
    }
    return refused;
  }

  /** The article files of a folder (recursively) as one ZIP archive, paths kept. */
  static byte[] zipOf(Path folder) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (BatchImport.ARTICLE_FILES.contains(ext)) {
          zip.putNextEntry(new ZipEntry(name));
          Files.copy(file, zip);
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
