package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Article extraction against the Zyte article-extraction benchmark (181 real pages, hand-made
 * article bodies, the benchmark's own scorer). Runs {@link ArticleText#extract}, the code an HTML
 * import runs, on every page, writes {@code target/extraction-benchmark/output/claimdesk.json} and
 * scores it with the benchmark's {@code evaluate.py}, beside Readability4J (a port of
 * Readability.js, a test dependency only) on the same pages. Run with {@code mvn -o -B test
 * -Pbenchmark -Dtest=ExtractionBenchmark -Dclaimdesk.shared=/work/shared}; figures in
 * docs/benchmarks.md.
 */
@Tag("benchmark")
class ExtractionBenchmark {

  private static final Path DATA =
      Path.of(System.getProperty("claimdesk.shared", "../shared"), "dev-data", "extraction");

  private static final Path WORK = Path.of("target", "extraction-benchmark");

  @Test
  void scoreEveryPageOfTheBenchmark() throws Exception {
    JsonObject truth = read(DATA.resolve("ground-truth.json"));
    Files.createDirectories(WORK.resolve("output"));
    Map<String, String> bodies = new TreeMap<>();
    Map<String, String> readability = new TreeMap<>();
    Map<String, Integer> refusals = new TreeMap<>();
    List<Path> pages;
    try (Stream<Path> files = Files.list(DATA.resolve("html"))) {
      pages = files.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList();
    }
    long started = System.nanoTime();
    for (Path page : pages) {
      String hash = page.getFileName().toString().replace(".html.gz", "");
      String url = truth.getJsonObject(hash).getString("url", null);
      try {
        // as a URL import hands it over: the page's address, the type from the file name
        Extracted e =
            ArticleText.extract(new RawArticle(gunzip(page), hash + ".html", null, url, null));
        bodies.put(hash, e.text());
      } catch (UnreadableArticle refused) {
        bodies.put(hash, "");
        refusals.merge(refused.kind().name(), 1, Integer::sum);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(truth.keySet(), bodies.keySet(), "one output per page of the ground truth");
    long readabilityStarted = System.nanoTime();
    for (Path page : pages) {
      String hash = page.getFileName().toString().replace(".html.gz", "");
      String url = truth.getJsonObject(hash).getString("url", "");
      String html = Decoding.decode(gunzip(page), null, true).text();
      String text = new Readability4J(url, html).parse().getTextContent();
      readability.put(hash, text == null ? "" : text);
    }
    long readabilityMillis = (System.nanoTime() - readabilityStarted) / 1_000_000;
    write(readability, "readability4j");

    write(bodies, "claimdesk");
    for (String file : List.of("evaluate.py", "ground-truth.json")) {
      Files.copy(DATA.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.printf(
        "ClaimDesk: %d pages in %,d ms (%.1f ms a page, first call included); refused: %s%n",
        pages.size(), millis, (double) millis / pages.size(), refusals);
    System.out.printf(
        "Readability4J 1.0.8 (for comparison, not used by ClaimDesk): %,d ms%n", readabilityMillis);
    Process scorer =
        new ProcessBuilder("python3", "evaluate.py")
            .directory(WORK.toFile())
            .redirectErrorStream(true)
            .start();
    String table = new String(scorer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(table);
    assertEquals(0, scorer.waitFor(), "evaluate.py failed:\n" + table);
  }

  private static void write(Map<String, String> bodies, String name) throws IOException {
    JsonObjectBuilder output = Json.createObjectBuilder();
    bodies.forEach(
        (hash, body) -> output.add(hash, Json.createObjectBuilder().add("articleBody", body)));
    Path file = WORK.resolve("output").resolve(name + ".json");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonWriter json = Json.createWriter(out)) {
      json.writeObject(output.build());
    }
  }

  private static JsonObject read(Path file) throws IOException {
    try (JsonReader reader =
        Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      return reader.readObject();
    }
  }

  private static byte[] gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }
}
