package org.claimdesk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (npm, pinned in src/test/axe, installed into target/axe by the build) run on the page
 * the browser shows. Critical and serious violations fail the test; every finding of every impact
 * is also appended to target/axe/report.txt, with the time each check took.
 */
final class Axe {
  static final Path SCRIPT = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
  static final Path REPORT = Path.of("target", "axe", "report.txt");
  static final List<String> FAILING = List.of("critical", "serious");

  /** Time spent in axe across this test JVM, for the report. */
  static final AtomicLong MILLIS = new AtomicLong();

  private static volatile String source;

  private Axe() {}

  private static String source() {
    if (source == null) {
      try {
        source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(
            SCRIPT + " is missing: `mvn generate-test-resources` installs axe-core from npm", e);
      }
    }
    return source;
  }

  /** The page's violations: rule id, impact, help text, count and the first targets' selectors. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
      js.executeScript(source());
    }
    Object result =
        js.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 8).map(n => n.target.join(' ')),
                count: v.nodes.length}))))
              .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e),
                targets: [], count: 0}]));
            """);
    return (List<Map<String, Object>>) result;
  }

  /** Runs axe; throws an AssertionError listing the critical and serious violations, if any. */
  static void check(WebDriver driver, String where) {
    long start = System.nanoTime();
    List<Map<String, Object>> found = violations(driver);
    long millis = (System.nanoTime() - start) / 1_000_000;
    MILLIS.addAndGet(millis);
    StringBuilder failing = new StringBuilder();
    StringBuilder all = new StringBuilder(where + " (" + millis + " ms)\n");
    for (Map<String, Object> v : found) {
      String line =
          "  "
              + v.get("impact")
              + " "
              + v.get("id")
              + ": "
              + v.get("help")
              + " ("
              + v.get("count")
              + "×) "
              + String.join(" | ", (List<String>) v.get("targets"))
              + "\n";
      all.append(line);
      if (FAILING.contains(String.valueOf(v.get("impact")))) {
        failing.append(line);
      }
    }
    log(all.toString());
    if (failing.length() > 0) {
      throw new AssertionError(
          "axe-core finds critical or serious accessibility violations on "
              + where
              + ":\n"
              + failing);
    }
  }

  private static boolean started;

  private static synchronized void log(String text) {
    try {
      Files.createDirectories(REPORT.getParent());
      if (!started) {
        Files.deleteIfExists(REPORT); // one report per test run
        started = true;
      }
      Files.writeString(
          REPORT,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
