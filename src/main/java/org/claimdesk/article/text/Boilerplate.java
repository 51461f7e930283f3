package org.claimdesk.article.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises site boilerplate by the German and English phrase tables {@code boilerplate-*.tsv} and
 * HTML furniture by the class token table {@code page-furniture.tsv}.
 */
final class Boilerplate {

  /** Boilerplate is short; a longer paragraph is content whatever it starts with. */
  static final int MAX_LENGTH = 500;

  /** How many paragraphs from the top a byline may stand. */
  static final int TOP = 3;

  private static final Pattern QUOTE = Pattern.compile("[\"„“”«»‚‘’]");

  private static final Pattern SPEECH =
      Pattern.compile(
          "\\b(?:sagte|sagt|sagten|sagen|erklärte|betonte|fügte|warnte|said|says|told|added)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The end of the last sentence before a caption's credits. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"“”»«'’)]?\\s");

  private static final java.util.Set<String> NEGATIONS =
      java.util.Set.of("non", "no", "not", "without");

  private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[\\s_-]+");

  private record Rule(Removal reason, Pattern pattern, boolean topOnly, boolean tailOnly) {}

  private static final List<Rule> RULES = loadRules("boilerplate-de.tsv", "boilerplate-en.tsv");

  /** Every whole-paragraph rule in one pattern: most paragraphs are content and fail it once. */
  private static final Pattern ANY_RULE =
      Pattern.compile(
          RULES.stream()
              .filter(rule -> !rule.tailOnly())
              .map(rule -> "(?:" + rule.pattern().pattern() + ")")
              .collect(java.util.stream.Collectors.joining("|")),
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, Removal> FURNITURE_TOKENS = loadTokens("page-furniture.tsv");

  private Boilerplate() {}

  /**
   * Why a paragraph is boilerplate, or empty when it is (or may be) content.
   *
   * @param index the paragraph's position from the top of the document
   */
  static Optional<Removal> of(String paragraph, int index) {
    if (paragraph.length() > MAX_LENGTH || quotesSomeone(paragraph)) {
      return Optional.empty();
    }
    String tail = afterLastSentence(paragraph);
    if (tail.isEmpty() && !ANY_RULE.matcher(paragraph).matches()) {
      return Optional.empty();
    }
    for (Rule rule : RULES) {
      if (rule.topOnly() && index >= TOP) {
        continue;
      }
      String subject = rule.tailOnly() ? tail : paragraph;
      if (!subject.isEmpty() && rule.pattern().matcher(subject).matches()) {
        return Optional.of(rule.reason());
      }
    }
    return Optional.empty();
  }

  /** Furniture by class, id or ARIA role, e.g. {@code class="c-share-bar"} → SHARE_LINKS. */
  static Optional<Removal> ofTokens(String classesAndId) {
    String previous = "";
    for (String token : TOKEN_SEPARATOR.split(classesAndId.toLowerCase(Locale.ROOT))) {
      Removal reason = FURNITURE_TOKENS.get(token);
      // "non-ad-column", "no-comments": the class says what the element is not
      if (reason != null && !NEGATIONS.contains(previous)) {
        return Optional.of(reason);
      }
      previous = token;
    }
    return Optional.empty();
  }

  /** A sentence with a speech verb and a quotation mark is reporting, never furniture. */
  private static boolean quotesSomeone(String paragraph) {
    return QUOTE.matcher(paragraph).find() && SPEECH.matcher(paragraph).find();
  }

  private static String afterLastSentence(String paragraph) {
    Matcher m = SENTENCE_END.matcher(paragraph);
    int start = 0;
    while (m.find()) {
      start = m.end();
    }
    return paragraph.substring(start);
  }

  private static List<Rule> loadRules(String... resources) {
    List<Rule> rules = new ArrayList<>();
    for (String resource : resources) {
      for (String[] row : rows(resource)) {
        String[] reason = row[0].split("@", 2);
        String scope = reason.length > 1 ? reason[1] : "";
        Pattern pattern = Pattern.compile(row[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        rules.add(
            new Rule(
                Removal.valueOf(reason[0]), pattern, scope.equals("top"), scope.equals("tail")));
      }
    }
    return List.copyOf(rules);
  }

  private static Map<String, Removal> loadTokens(String resource) {
    Map<String, Removal> tokens = new HashMap<>();
    for (String[] row : rows(resource)) {
      for (String token : row[1].trim().split("\\s+")) {
        tokens.put(token.toLowerCase(Locale.ROOT), Removal.valueOf(row[0]));
      }
    }
    return Map.copyOf(tokens);
  }

  private static List<String[]> rows(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Boilerplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t", 2);
        if (row.length != 2) {
          throw new IllegalStateException(resource + ": no tab in line: " + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
