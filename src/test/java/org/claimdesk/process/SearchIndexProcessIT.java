package org.claimdesk.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The search index on disk ({@code claimdesk.index.dir}) follows the database across restarts: a
 * deleted index is rebuilt from the database at start-up, a present one is kept. And {@code
 * ./claimdesk import <folder>} sends a folder of article files to the running server and prints
 * each file's outcome.
 *
 * <p>The steps share three starts on one database and index, in order: the first server gets a
 * claim and the imported folder, the second starts without an index, the third with the one the
 * second built. A step that needs an earlier one is skipped, not failed, when that one failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchIndexProcessIT {
  static final String QUOTE = "das Abkommen sei ein Zeichen der Verzweiflung Russlands";
  static final String STATEMENT =
      "Das Abkommen zwischen Russland und Nordkorea ist ein Zeichen der Verzweiflung Russlands.";
  static final String SEARCH = "api/search?q=Verzweiflung&kind=claim";
  static final String INDEX_MISSING =
      "The search index was missing or did not follow the audit log; rebuilding it from the"
          + " database.";
  static final String IN_THE_BACKGROUND = "Search index rebuild started in the background";
  static final Pattern REBUILT = Pattern.compile("Search index rebuilt with (\\d+) entries\\.");
  static final String HAFEN = "Hamburger Hafen meldet weniger Container";

  private final Path dir = ServerProcess.newWorkDir("search-index");
  private final Path indexDir = dir.resolve("index");
  private ServerProcess first;
  private String token;
  private long claimId;
  private long hafenId;
  private boolean secondStarted;

  @BeforeAll
  void startFirstServer() {
    first = demoServer().start();
    first.awaitHealthy();
    // tokens live in the database: this one serves all three starts
    token = first.api().tokenFor("factchecker");
  }

  @AfterAll
  void noServerSurvives() {
    ServerProcess.killAllStillRunning();
  }

  @Test
  @Order(1)
  void aNewClaimIsSearchableAtOnce() {
    Api api = first.api();
    long id = captureClaim(api, token);
    assertEquals(
        List.of(id),
        claimHits(api, token),
        "the new claim is searchable at once\n" + first.diagnosis());
    assertFalse(
        first.log().contains(INDEX_MISSING),
        "the first start has nothing to rebuild\n" + first.diagnosis());
    claimId = id;
  }

  @Test
  @Order(2)
  void theImportCommandSendsAFolderAndPrintsEachOutcome() throws IOException {
    Path articles = Files.createDirectories(dir.resolve("articles"));
    String mieten =
        "Mieten in Leipzig steigen weiter\n\n"
            + "Die Angebotsmieten in Leipzig sind im vergangenen Jahr um neun Prozent gestiegen,"
            + " wie der Mieterverein am Montag mitteilte. Besonders betroffen seien kleine"
            + " Wohnungen in der Südvorstadt.\n";
    write(articles.resolve("a-mieten.txt"), mieten);
    write(
        articles.resolve("b-radwege.txt"),
        "Neue Radwege in Kassel\n\n"
            + "Die Stadt Kassel will bis zum Jahr 2027 zwölf Kilometer neue Radwege bauen. Der"
            + " Stadtrat hat den Plan am Dienstag mit großer Mehrheit beschlossen.\n");
    write(
        articles.resolve("c-hafen.html"),
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
            + "<title>"
            + HAFEN
            + "</title></head><body><article>"
            + "<h1>"
            + HAFEN
            + "</h1>"
            + "<p>Im Hamburger Hafen wurden im ersten Halbjahr weniger Container umgeschlagen als"
            + " im Vorjahr, teilte die Hafengesellschaft am Mittwoch mit.</p>"
            + "<p>Der Rückgang betrage etwa vier Prozent.</p></article></body></html>");
    write(articles.resolve("d-kopie-mieten.txt"), mieten);
    Api api = first.api();

    Cli.Result run = Cli.importing(first, "claimdesk-demo", articles);
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = run.output().lines().toList();
    Map<String, Long> imported = new TreeMap<>();
    Pattern importedLine = Pattern.compile("\\[(\\d)] (\\S+) — imported as article (\\d+): (.+)");
    for (String line : lines) {
      Matcher m = importedLine.matcher(line);
      if (m.matches()) {
        imported.put(m.group(2), Long.parseLong(m.group(3)));
      }
    }
    assertEquals(
        List.of("a-mieten.txt", "b-radwege.txt", "c-hafen.html"),
        List.copyOf(imported.keySet()),
        "one line per imported file\n" + run);
    assertTrue(
        lines.contains(
            "[3] c-hafen.html — imported as article "
                + imported.get("c-hafen.html")
                + ": "
                + HAFEN),
        "the HTML file's title is its <title>\n" + run);
    assertTrue(
        lines.contains(
            "[4] d-kopie-mieten.txt — already there: /api/articles/"
                + imported.get("a-mieten.txt")),
        "the copy is reported as the article imported from the original\n" + run);
    assertTrue(lines.contains("3 article(s) imported from " + articles + "."), run.toString());

    Map<Long, String> listed = new TreeMap<>();
    JsonObject page = api.get("api/articles?limit=200", token).object();
    for (JsonValue item : page.getJsonArray("items")) {
      listed.put(
          item.asJsonObject().getJsonNumber("id").longValue(),
          item.asJsonObject().getString("title"));
    }
    assertEquals(8, page.getJsonNumber("total").longValue(), "5 seed + 3 new: " + page);
    assertEquals(HAFEN, listed.get(imported.get("c-hafen.html")));
    assertTrue(
        listed.get(imported.get("a-mieten.txt")).startsWith("Mieten in Leipzig"),
        listed.toString());
    assertTrue(
        listed.get(imported.get("b-radwege.txt")).startsWith("Neue Radwege in Kassel"),
        listed.toString());
    for (String line : lines) {
      Matcher m = importedLine.matcher(line);
      if (m.matches()) {
        assertEquals(
            listed.get(Long.parseLong(m.group(3))),
            m.group(4),
            "the printed title is the archived one");
      }
    }

    Cli.Result refused = Cli.importing(first, "wrong-password", articles);
    assertEquals(2, refused.exitCode(), refused.toString());
    assertTrue(
        refused.output().contains("Import failed: sign-in refused (HTTP 401)."),
        refused.toString());
    assertFalse(refused.output().contains("imported as"), refused.toString());
    assertEquals(
        8,
        api.get("api/articles", token).object().getJsonNumber("total").longValue(),
        "a refused sign-in imports nothing");
    hafenId = imported.get("c-hafen.html");
  }

  @Test
  @Order(3)
  void aDeletedIndexIsRebuiltFromTheDatabase() throws IOException {
    assumeTrue(
        claimId > 0 && hafenId > 0, "needs the claim and the imported articles of steps 1-2");
    first.stop();
    try (var files = Files.list(indexDir)) {
      assertTrue(files.findAny().isPresent(), "the index was written to " + indexDir);
    }

    ServerProcess.deleteRecursively(indexDir);
    assertFalse(Files.exists(indexDir), "index deleted: " + indexDir);

    // rebuilt in the background (as a large index is), not while starting
    try (ServerProcess second =
        demoServer().systemProperty("claimdesk.search.rebuild-while-starting", "0").start()) {
      second.awaitHealthy();
      secondStarted = true;
      Api api = second.api();
      long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!REBUILT.matcher(second.log()).find() && System.nanoTime() < waitUntil) {
        sleep(200);
      }
      String log = second.log();
      assertTrue(log.contains(INDEX_MISSING), "says it rebuilds the index\n" + second.diagnosis());
      assertTrue(log.contains(IN_THE_BACKGROUND), "in the background\n" + second.diagnosis());
      Matcher rebuilt = REBUILT.matcher(log);
      assertTrue(rebuilt.find(), "logs the size of the rebuilt index\n" + second.diagnosis());
      assertEquals(
          10,
          Integer.parseInt(rebuilt.group(1)),
          "5 seed articles + 3 imported (step 2) + the claim and its claimant (step 1): "
              + rebuilt.group());
      assertTrue(
          log.contains("Demo data: 0 seed article(s) imported now."),
          "the restart found the data in the database, it did not import it anew\n"
              + second.diagnosis());
      assertEquals(
          List.of(claimId),
          claimHits(api, token),
          "the claim is found again in the rebuilt index\n" + second.diagnosis());
      assertEquals(
          List.of(hafenId),
          articleHits(api, token, "Hafengesellschaft"),
          "an article imported by the command is found in the rebuilt index\n"
              + second.diagnosis());
      second.stop();
    }
  }

  @Test
  @Order(4)
  void aPresentIndexIsKept() {
    assumeTrue(secondStarted, "needs the index rebuilt by the second start in step 3");
    try (ServerProcess third = demoServer().start()) {
      third.awaitHealthy();
      Api api = third.api();
      String log = third.log();
      assertFalse(log.contains(INDEX_MISSING), "the index was kept\n" + third.diagnosis());
      assertFalse(REBUILT.matcher(log).find(), "nothing rebuilt\n" + third.diagnosis());
      assertEquals(
          List.of(claimId),
          claimHits(api, token),
          "the kept index still finds the claim\n" + third.diagnosis());
      assertEquals(
          List.of(hafenId),
          articleHits(api, token, "Hafengesellschaft"),
          "and the imported article\n" + third.diagnosis());
      third.stop();
    }
  }

  private ServerProcess.Options demoServer() {
    return ServerProcess.in(dir)
        .env("CLAIMDESK_DEMO", "true")
        .systemProperty("claimdesk.index.dir", indexDir.toString());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Captures a claim on a sentence of the first seed article; returns its id. */
  private static long captureClaim(Api api, String token) {
    long articleId = -1;
    for (JsonValue item : api.get("api/articles?limit=200", token).object().getJsonArray("items")) {
      if (item.asJsonObject().getString("title").startsWith("Weißes Haus: Verteidigungspakt")) {
        articleId = item.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    assertTrue(articleId > 0, "the seed article is there");
    String text = api.get("api/articles/" + articleId, token).object().getString("text");
    int start = text.indexOf(QUOTE);
    assertTrue(start >= 0, "the quote is in the reading text");
    Api.Reply reply =
        api.post(
            "api/claims",
            token,
            "{\"articleId\":"
                + articleId
                + ",\"start\":"
                + start
                + ",\"end\":"
                + (start + QUOTE.length())
                + ",\"statement\":\""
                + STATEMENT
                + "\",\"claimant\":\"John Kirby\"}");
    assertEquals(201, reply.status(), reply.toString());
    return reply.object().getJsonNumber("id").longValue();
  }

  private static List<Long> claimHits(Api api, String token) {
    Api.Reply reply = api.get(SEARCH, token);
    assertEquals(200, reply.status(), reply.toString());
    List<Long> ids = new ArrayList<>();
    for (JsonValue hit : reply.object().getJsonArray("hits")) {
      assertEquals("CLAIM", hit.asJsonObject().getString("kind"), reply.toString());
      ids.add(hit.asJsonObject().getJsonNumber("id").longValue());
    }
    return ids;
  }

  private static List<Long> articleHits(Api api, String token, String word) {
    Api.Reply reply = api.get("api/search?kind=article&q=" + word, token);
    assertEquals(200, reply.status(), reply.toString());
    List<Long> ids = new ArrayList<>();
    for (JsonValue hit : reply.object().getJsonArray("hits")) {
      ids.add(hit.asJsonObject().getJsonNumber("id").longValue());
    }
    return ids;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * {@code ./claimdesk import <folder>} from the project directory, or, when the launcher would
   * rebuild ClaimDesk first (sources newer than the WAR), the {@code java -cp … ImportCommand} it
   * executes.
   */
  static final class Cli {
    record Result(int exitCode, String output, List<String> command) {
      @Override
      public String toString() {
        return "exit " + exitCode + " of " + String.join(" ", command) + "\n" + output;
      }
    }

    static Result importing(ServerProcess server, String password, Path folder) throws IOException {
      Path project = ServerProcess.projectDir();
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      List<String> command = new ArrayList<>();
      if (ServerProcess.targetDir().equals(project.resolve("target"))
          && !VerifyCli.launcherWouldRebuild(project)) {
        command.addAll(List.of(project.resolve("claimdesk").toString(), "import"));
      } else {
        System.out.println(
            "[process-it] the launcher would rebuild ClaimDesk: running ImportCommand with the"
                + " launcher's class path instead");
        Path target = ServerProcess.targetDir();
        command.addAll(
            List.of(
                java.toString(),
                "-cp",
                target.resolve("claimdesk/WEB-INF/classes") + ":" + target.resolve("verify-lib/*"),
                "org.claimdesk.article.ImportCommand"));
      }
      command.add(folder.toString());
      Path output = Files.createTempFile(server.workDir(), "import-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("CLAIMDESK_"));
      builder
          .environment()
          .put("PATH", java.getParent() + ":" + builder.environment().getOrDefault("PATH", ""));
      builder.environment().put("CLAIMDESK_URL", server.baseUri().toString());
      builder.environment().put("CLAIMDESK_USER", "factchecker");
      builder.environment().put("CLAIMDESK_PASSWORD", password);
      Process process = builder.start();
      try {
        // four small files take seconds; this only bounds a hang
        if (!process.waitFor(Duration.ofSeconds(180).toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new AssertionError(
              "import did not end within 180 s\n" + Files.readString(output) + server.diagnosis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      Result result =
          new Result(
              process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), command);
      System.out.println("[process-it] " + result);
      return result;
    }
  }
}
