package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimdesk.article.text.Removal;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Priority;
import org.claimdesk.claim.Claimant;
import org.claimdesk.evidence.EvidenceKind;
import org.claimdesk.evidence.Reliability;
import org.claimdesk.evidence.SourceKind;
import org.claimdesk.evidence.Stance;
import org.claimdesk.identity.Role;
import org.claimdesk.inbox.InboxEntry;
import org.claimdesk.verdict.CorrectionKind;
import org.junit.jupiter.api.Test;

/**
 * The German and English message bundles say the same things: the same keys, patterns that
 * MessageFormat reads, and every key the code and the pages name is there. A refusal thrown with
 * English text instead of a key fails here.
 */
class BundlesTest {
  private static final Properties DE = load("de");
  private static final Properties EN = load("en");

  /** The start of a refusal whose first argument (after a field name for InvalidValue) is a key. */
  private static final Pattern REFUSAL =
      Pattern.compile(
          "(?:new (?:Conflict|NotFound|InvalidInput|UnreadableArticle\\(Kind\\.\\w+,|"
              + "InvalidValue\\(\"\\w+\",)|Refused\\.\\w+\\(|Message\\.of\\("
              + "|(?:forbidden|incomplete|refused)\\()\\(?\\s*\"([^\"]*)\"\\s*([,)+])");

  private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([a-zA-Z0-9.-]+)'\\]");

  private static final Pattern FEEDBACK_KEY =
      Pattern.compile(
          "(?:Feedback\\.(?:info|text|attempt\\w*)\\([^;]*?|attempt\\w*\\([^;]*?)\"([a-z][a-zA-Z0-9]*"
              + "(?:\\.[a-zA-Z0-9-]+)+)\"");

  @Test
  void bothLanguagesHaveTheSameKeys() {
    Set<String> onlyGerman = new TreeSet<>(DE.stringPropertyNames());
    onlyGerman.removeAll(EN.stringPropertyNames());
    Set<String> onlyEnglish = new TreeSet<>(EN.stringPropertyNames());
    onlyEnglish.removeAll(DE.stringPropertyNames());
    assertEquals(Set.of(), onlyGerman, "keys only in messages_de");
    assertEquals(Set.of(), onlyEnglish, "keys only in messages_en");
  }

  @Test
  void everyTextIsAPatternWithItsArgumentsInBothLanguages() {
    List<String> problems = new ArrayList<>();
    for (String key : EN.stringPropertyNames()) {
      try {
        // German uses the arguments English has; it may leave out a code English names for API
        // clients (the step and status of a refused transition)
        int en =
            new MessageFormat(EN.getProperty(key), Locale.ENGLISH)
                .getFormatsByArgumentIndex()
                .length;
        int de =
            new MessageFormat(DE.getProperty(key, ""), Locale.GERMAN)
                .getFormatsByArgumentIndex()
                .length;
        if (de > en || (en == 0) != (de == 0)) {
          problems.add(key + ": " + en + " arguments in English, " + de + " in German");
        }
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
      }
      for (Properties bundle : List.of(EN, DE)) {
        // a lone apostrophe starts a quote in MessageFormat and swallows the text after it (texts
        // without arguments that pages show as they are may keep theirs; refusals always format)
        String text = bundle.getProperty(key, "");
        boolean formatted = text.contains("{") || key.startsWith("refusal.");
        if (formatted && text.replace("''", "").contains("'")) {
          problems.add(key + ": lone apostrophe (write '' for ')");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyKeyTheCodeNamesExists() throws IOException {
    Set<String> missing = new TreeSet<>();
    for (Path file : files("src/main/java", ".java")) {
      String code = Files.readString(file);
      Matcher m = REFUSAL.matcher(code);
      while (m.find()) {
        // "prefix." + something builds the key; the prefix alone is no key
        if (!m.group(2).equals("+") && !EN.containsKey(m.group(1))) {
          missing.add(file.getFileName() + ": " + m.group(1));
        }
      }
      Matcher f = FEEDBACK_KEY.matcher(code);
      while (f.find()) {
        if (!EN.containsKey(f.group(1))) {
          missing.add(file.getFileName() + ": " + f.group(1));
        }
      }
    }
    for (Path page : files("webapp", ".xhtml")) {
      Matcher m = PAGE_KEY.matcher(Files.readString(page));
      while (m.find()) {
        if (!EN.containsKey(m.group(1))) {
          missing.add(page.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertEquals(Set.of(), missing, "keys named in code or pages but not in the bundles");
  }

  @Test
  void everyEnumValueShownByNameHasItsWords() {
    Map<String, Class<? extends Enum<?>>> shown =
        Map.ofEntries(
            Map.entry("case.status", CaseStatus.class),
            Map.entry("case.priority", Priority.class),
            Map.entry("evidence.kind", EvidenceKind.class),
            Map.entry("evidence.stance", Stance.class),
            Map.entry("source.kind", SourceKind.class),
            Map.entry("source.reliability", Reliability.class),
            Map.entry("claimant.kind", Claimant.Kind.class),
            Map.entry("inbox.kind", InboxEntry.Kind.class),
            Map.entry("public.correction", CorrectionKind.class),
            Map.entry("removal", Removal.class),
            Map.entry("role", Role.class),
            Map.entry("refusal.role", Role.class));
    List<String> missing = new ArrayList<>();
    shown.forEach(
        (prefix, type) -> {
          for (Enum<?> value : type.getEnumConstants()) {
            if (!EN.containsKey(prefix + "." + value.name())) {
              missing.add(prefix + "." + value.name());
            }
          }
        });
    assertEquals(List.of(), missing);
  }

  @Test
  void aRefusalReadsInTheReadersLanguageAndInEnglishForLogs() {
    Conflict refused = new Conflict("refusal.case.notOnCase", 1234L);
    assertEquals(
        "Only the people working case 1234 and supervisors may change it.", refused.getMessage());
    assertEquals(
        "Fall 1234 ändern nur seine Bearbeiter:innen und Chef:innen vom Dienst.",
        refused.text(Locale.GERMAN));
    assertEquals(refused.getMessage(), refused.text(Locale.FRENCH), "other languages read English");
    InvalidInput nested =
        new InvalidInput(
            "refusal.source.justify", Message.named("source.reliability", Reliability.MIXED));
    assertEquals(
        "A reliability rating needs its justification: say why the source is rated mixed.",
        nested.getMessage());
    assertTrue(nested.text(Locale.GERMAN).contains("gemischt"), nested.text(Locale.GERMAN));
    assertEquals(
        "At most 10 characters for the claim as reviewed (ClaimReview asks for a short"
            + " statement); this has 12.",
        new InvalidInput(
                "refusal.verdict.tooLong",
                10,
                Message.of("refusal.verdict.claimReviewed"),
                Message.of("refusal.verdict.claimReviewedWhy"),
                12)
            .getMessage(),
        "a leading blank of a bundle text survives");
    assertEquals(
        "Das Abrufdatum 20.06.2024 liegt in der Zukunft (heute ist der 19.06.2024).",
        Message.of(
                "refusal.evidence.accessedInFuture",
                java.time.LocalDate.of(2024, 6, 20),
                java.time.LocalDate.of(2024, 6, 19))
            .in(Locale.GERMAN));
  }

  @Test
  void theReadersLanguageIsGermanOnlyWhenTheBrowserPrefersItToEnglish() {
    assertEquals(Locale.GERMAN, Message.readerOf("de-DE,de;q=0.9,en;q=0.8"));
    assertEquals(Locale.GERMAN, Message.readerOf("fr, de;q=0.5"));
    assertEquals(Locale.ENGLISH, Message.readerOf("fr, en;q=0.9, de;q=0.5"));
    assertEquals(Locale.ENGLISH, Message.readerOf("fr"));
    assertEquals(Locale.ENGLISH, Message.readerOf(null));
    assertEquals(Locale.ENGLISH, Message.readerOf(";;;"));
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of(folder))) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Properties load(String language) {
    Properties p = new Properties();
    String resource = "/org/claimdesk/platform/i18n/messages_" + language + ".properties";
    try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
