package org.claimdesk.article.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits a reading text (paragraphs separated by line breaks) into sentences with exact offsets.
 * OpenNLP's UD sentence models do the splitting inside each line; a few repairs follow for what
 * they get wrong in news text: abbreviations ("z. B.", "Dr."), ordinal dates ("am 15. August"),
 * quotes followed by their attribution ("„…?“, fragte sie") and very long runs without punctuation
 * (cut at {@link #MAX_LENGTH} characters so later stages stay fast).
 */
public final class Sentences {
  /** Longest sentence we hand on; longer runs are cut at the last space before this length. */
  public static final int MAX_LENGTH = 1_500;

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "z.", "b.", "dr.", "prof.", "bzw.", "ca.", "nr.", "vgl.", "usw.", "u.", "a.", "d.", "h.",
          "st.", "mio.", "mrd.", "abs.", "art.", "hr.", "fr.", "inkl.", "evtl.", "ggf.", "sog.",
          "jh.", "mr.", "mrs.", "ms.", "jr.", "sr.", "vs.", "no.", "e.", "i.", "gen.", "sen.",
          "rep.", "gov.", "u.s.", "z.b.", "u.a.", "d.h.", "bzgl.", "tel.", "str.");
  private static final Pattern ORDINAL_AT_END = Pattern.compile("(?:^|\\s|\\()\\d{1,2}\\.$");
  private static final Pattern MONTH_OR_LOWER_AT_START =
      Pattern.compile(
          "^(?:\\p{Ll}|\\d|(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September"
              + "|Oktober|November|Dezember|Jahrhundert|Jahrestag)\\b)");
  private static final Pattern CONTINUATION_AT_START = Pattern.compile("^[,;:)\\]]");

  private Sentences() {}

  /**
   * The sentences of {@code text}, in order. {@code language} "de" or "en" picks the model; any
   * other value (or null) picks German or English by counting common function words.
   */
  public static List<Sentence> of(String text, String language) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    SentenceDetectorME detector = new SentenceDetectorME(Models.of(language, text));
    List<Sentence> sentences = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = text.length();
      }
      addLine(text, lineStart, lineEnd, detector, sentences);
      lineStart = lineEnd + 1;
    }
    return List.copyOf(sentences);
  }

  /**
   * "de" or "en": the given language if it is one of them, else what {@link Languages} detects if
   * it is English, else German (the newsroom's own language, and the reading of texts too short to
   * tell).
   */
  public static String modelLanguage(String language, String text) {
    String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (lang.startsWith("de")) {
      return "de";
    }
    if (lang.startsWith("en")) {
      return "en";
    }
    return Languages.closest(text, "de", "en");
  }

  private static void addLine(
      String text, int lineStart, int lineEnd, SentenceDetectorME detector, List<Sentence> out) {
    List<int[]> pieces = new ArrayList<>();
    for (int[] chunk : chunks(text, lineStart, lineEnd)) {
      String line = text.substring(chunk[0], chunk[1]);
      for (Span span : detector.sentPosDetect(line)) {
        int[] piece = trim(text, chunk[0] + span.getStart(), chunk[0] + span.getEnd());
        if (piece[0] < piece[1]) {
          pieces.add(piece);
        }
      }
    }
    List<int[]> merged = new ArrayList<>();
    for (int[] piece : pieces) {
      int[] previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && belongTogether(text, previous, piece)) {
        previous[1] = piece[1];
      } else {
        merged.add(piece);
      }
    }
    for (int[] piece : merged) {
      for (int[] part : chunks(text, piece[0], piece[1])) {
        int[] trimmed = trim(text, part[0], part[1]);
        if (trimmed[0] < trimmed[1]) {
          out.add(new Sentence(trimmed[0], trimmed[1], text.substring(trimmed[0], trimmed[1])));
        }
      }
    }
  }

  private static boolean belongTogether(String text, int[] previous, int[] next) {
    if (next[1] - previous[0] > MAX_LENGTH) {
      return false;
    }
    String before = text.substring(previous[0], previous[1]);
    String after = text.substring(next[0], next[1]);
    int lastSpace = Math.max(before.lastIndexOf(' '), before.lastIndexOf('('));
    String lastWord = before.substring(lastSpace + 1).toLowerCase(Locale.ROOT);
    if (ABBREVIATIONS.contains(lastWord) || lastWord.matches("\\p{L}\\.")) {
      return true;
    }
    if (ORDINAL_AT_END.matcher(before).find() && MONTH_OR_LOWER_AT_START.matcher(after).find()) {
      return true;
    }
    return CONTINUATION_AT_START.matcher(after).find()
        || Character.isLowerCase(after.codePointAt(0))
        || opens(before, '(', ')');
  }

  private static boolean opens(String s, char open, char close) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      depth += c == open ? 1 : c == close ? -1 : 0;
    }
    return depth > 0;
  }

  /** Cuts [from,to) into runs of at most MAX_LENGTH, at the last space where there is one. */
  private static List<int[]> chunks(String text, int from, int to) {
    List<int[]> chunks = new ArrayList<>();
    int start = from;
    while (to - start > MAX_LENGTH) {
      int cut = text.lastIndexOf(' ', start + MAX_LENGTH);
      if (cut <= start) {
        cut = start + MAX_LENGTH;
        if (Character.isLowSurrogate(text.charAt(cut))) {
          cut--;
        }
      }
      chunks.add(new int[] {start, cut});
      start = cut;
    }
    chunks.add(new int[] {start, to});
    return chunks;
  }

  private static int[] trim(String text, int start, int end) {
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return new int[] {start, end};
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The sentence models, loaded once; they are thread-safe, the detectors built on them not. */
  private static final class Models {
    private static final SentenceModel GERMAN = load("/opennlp-de-ud-gsd-sentence-1.3-2.5.4.bin");
    private static final SentenceModel ENGLISH = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin");

    static SentenceModel of(String language, String text) {
      return modelLanguage(language, text).equals("en") ? ENGLISH : GERMAN;
    }

    private static SentenceModel load(String resource) {
      try (InputStream in = Sentences.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("sentence model missing on the classpath: " + resource);
        }
        return new SentenceModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
