package org.claimdesk.claim.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimdesk.article.text.Sentence;

/**
 * Ranks the sentences of a reading text by how worth checking they look. Transparent on purpose:
 * every reason names the {@link Signal} and the words that triggered it, so a fact-checker can see
 * why and disagree. The score is a small logistic regression over those signals and a few counts
 * ({@link Features}), with weights fitted on labelled data ({@link Weights}).
 */
public final class CheckWorthiness {
  private static final int MIN_WORDS = 5;
  private static final int EVIDENCE_PER_SIGNAL = 3;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern YEAR =
      Pattern.compile("(?<![\\p{L}\\p{N}.,])(?:1[89]|20)\\d\\d(?![\\p{N}])");
  private static final String MONTHS =
      "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
          + "|January|February|March|May|June|July|October|December";
  private static final Pattern DAY_AND_MONTH =
      Pattern.compile(
          "(?<![\\p{N}])\\d{1,2}\\.\\s*(?:" + MONTHS + ")\\b|\\b(?:" + MONTHS + ")\\s+\\d{1,2}\\b");
  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\p{L}\\p{N}.,])\\p{N}+(?:[.,]\\p{N}+)*(?:-\\p{L}+)?(?![\\p{N}])");
  private static final Pattern CLOSING = Pattern.compile("[“”\"'»«)\\]]+$");
  private static final Pattern CREDIT =
      Pattern.compile(
          "[^\\s/]{1,40} / [^\\s/]{1,40} / |\\b\\p{Lu}{3,} \\p{Lu}{3,}\\b|^\\([^()]{0,40}/[^()]{0,40}\\)$");

  private CheckWorthiness() {}

  /**
   * Every sentence of {@code text}, best first; ties keep text order. {@code language} as in {@link
   * org.claimdesk.article.text.Sentences#of}.
   */
  public static List<Suggestion> rank(String text, String language) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Analysis analysis = new Analysis(text, language);
    List<Suggestion> suggestions = new ArrayList<>();
    for (int i = 0; i < analysis.sentences.size(); i++) {
      Sentence sentence = analysis.sentences.get(i);
      List<Reason> reasons = reasons(analysis, i);
      double score = Weights.of(analysis.language).score(Features.of(analysis, i, reasons));
      suggestions.add(
          new Suggestion(sentence.start(), sentence.end(), sentence.text(), score, reasons));
    }
    suggestions.sort(Comparator.comparingDouble(Suggestion::score).reversed());
    return List.copyOf(suggestions);
  }

  static List<Reason> reasons(Analysis analysis, int index) {
    Sentence sentence = analysis.sentences.get(index);
    String s = sentence.text();
    Lexicon lexicon = analysis.lexicon;
    List<Reason> reasons = new ArrayList<>();
    add(reasons, Signal.QUANTITY, numbers(s), lexicon.signal(Signal.QUANTITY), s);
    Set<String> dates = matches(DAY_AND_MONTH, s);
    dates.addAll(matches(YEAR, s));
    add(reasons, Signal.DATE, dates, lexicon.signal(Signal.DATE), s);
    namedSource(analysis, index, reasons);
    for (Signal signal : Signal.values()) {
      if (signal != Signal.QUANTITY && signal != Signal.DATE && signal != Signal.NAMED_SOURCE) {
        add(reasons, signal, new LinkedHashSet<>(), lexicon.signal(signal), s);
      }
    }
    String bare = CLOSING.matcher(s).replaceAll("");
    if (bare.endsWith("?")) {
      reasons.add(new Reason(Signal.QUESTION, "?"));
    }
    Matcher credit = CREDIT.matcher(s);
    if (credit.find() && reasons.stream().noneMatch(r -> r.signal() == Signal.BOILERPLATE)) {
      reasons.add(new Reason(Signal.BOILERPLATE, credit.group().strip()));
    }
    if (WORD.matcher(s).results().count() < MIN_WORDS) {
      reasons.add(new Reason(Signal.TOO_SHORT, s));
    }
    headline(analysis, index, bare, reasons);
    reasons.sort(Comparator.comparingDouble((Reason r) -> -Math.abs(r.signal().weight())));
    return List.copyOf(reasons);
  }

  /** A named speaker or source: "Matthew Miller", "laut Reuters", "er (John Kirby)". */
  private static void namedSource(Analysis analysis, int index, List<Reason> reasons) {
    for (Analysis.Speaker speaker : analysis.speakers(index)) {
      Analysis.Name name = speaker.names().get(0);
      if (name.kind() == Analysis.Kind.ROLE) {
        continue;
      }
      String words = analysis.text.substring(name.start(), name.end());
      String evidence =
          speaker.source()
              ? speaker.cue() + " " + words
              : words.equals(name.name()) ? words : words + " (" + name.name() + ")";
      reasons.add(new Reason(Signal.NAMED_SOURCE, evidence));
      return;
    }
  }

  /** One paragraph without closing punctuation, or a sentence without any verb. */
  private static void headline(Analysis analysis, int index, String bare, List<Reason> reasons) {
    Sentence sentence = analysis.sentences.get(index);
    String text = analysis.text;
    int lineStart = text.lastIndexOf('\n', sentence.start()) + 1;
    int lineEnd = text.indexOf('\n', sentence.end());
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    boolean wholeParagraph =
        text.substring(lineStart, sentence.start()).isBlank()
            && text.substring(sentence.end(), lineEnd).isBlank();
    boolean open = !bare.isEmpty() && ".!?…".indexOf(bare.charAt(bare.length() - 1)) < 0;
    List<Analysis.Token> tokens = analysis.tokens(index);
    boolean tagged = tokens.stream().noneMatch(t -> t.tag().equals(Analysis.UNTAGGED));
    boolean verbless =
        tagged && tokens.stream().noneMatch(t -> t.tag().equals("VERB") || t.tag().equals("AUX"));
    if ((wholeParagraph && open) || verbless) {
      String s = sentence.text();
      reasons.add(new Reason(Signal.HEADLINE, s.length() <= 40 ? s : s.substring(0, 40) + "…"));
    }
  }

  private static void add(
      List<Reason> reasons, Signal signal, Set<String> evidence, Pattern pattern, String s) {
    if (pattern != null) {
      for (String found : matches(pattern, s)) {
        if (evidence.stream().noneMatch(e -> e.contains(found))) {
          evidence.add(found);
        }
      }
    }
    if (!evidence.isEmpty()) {
      reasons.add(
          new Reason(
              signal, String.join(", ", evidence.stream().limit(EVIDENCE_PER_SIGNAL).toList())));
    }
  }

  /** Numbers that are not years ("2006" is a date) and not the day of a date ("15. August"). */
  private static Set<String> numbers(String s) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = NUMBER.matcher(s);
    while (m.find()) {
      boolean year = YEAR.matcher(m.group()).matches();
      boolean day = m.end() < s.length() && s.charAt(m.end()) == '.' && m.group().length() <= 2;
      if (!year && !day) {
        found.add(m.group());
      }
    }
    return found;
  }

  private static Set<String> matches(Pattern pattern, String s) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      found.add(m.group().replaceAll("\\s+", " "));
    }
    return found;
  }
}
