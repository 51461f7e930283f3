package org.claimdesk.claim.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimdesk.article.text.Sentence;

/**
 * What the check-worthiness score of one sentence is computed from: each {@link Signal} found (0 or
 * 1), a few counts of its words and punctuation, and the sum of its word stems' learned weights
 * ({@link WordWeights}). The same values are used to fit the weights ({@code CheckWorthinessFit})
 * and to score sentences, so the two cannot drift apart.
 */
final class Features {
  /** The structural features after the signals, in this order. */
  private static final List<String> COUNTS =
      List.of(
          "sentence",
          "words",
          "log_words",
          "numbers",
          "names",
          "verbs",
          "auxiliaries",
          "nouns",
          "proper_nouns",
          "adjectives",
          "adverbs",
          "pronouns",
          "commas",
          "exclamations",
          "quotes",
          "links",
          "word_weights");

  private static final Pattern LINK = Pattern.compile("https?://|www\\.");

  /** Every feature name: {@code signal.<NAME>} for each signal, then the counts. */
  static final List<String> NAMES = names();

  /** Where the sum of the word stems' weights sits in {@link #NAMES}. */
  static final int WORD_WEIGHTS = NAMES.indexOf("word_weights");

  private Features() {}

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Signal signal : Signal.values()) {
      names.add(signal(signal));
    }
    names.addAll(COUNTS);
    return List.copyOf(names);
  }

  static String signal(Signal signal) {
    return "signal." + signal.name();
  }

  /** The feature values of sentence {@code index}, in the order of {@link #NAMES}. */
  static double[] of(Analysis analysis, int index, List<Reason> reasons) {
    double[] x = new double[NAMES.size()];
    for (Reason reason : reasons) {
      x[reason.signal().ordinal()] = 1;
    }
    int i = Signal.values().length;
    Sentence sentence = analysis.sentences.get(index);
    String s = sentence.text();
    List<Analysis.Token> tokens = analysis.tokens(index);
    long words =
        tokens.stream().filter(t -> Character.isLetterOrDigit(t.text().codePointAt(0))).count();
    x[i++] = 1; // a comment of several sentences sums their features: this counts them
    x[i++] = words;
    x[i++] = Math.log1p(words);
    x[i++] = count(tokens, "NUM");
    x[i++] = analysis.names(index).stream().filter(n -> n.kind() != Analysis.Kind.ROLE).count();
    x[i++] = count(tokens, "VERB");
    x[i++] = count(tokens, "AUX");
    x[i++] = count(tokens, "NOUN");
    x[i++] = count(tokens, "PROPN");
    x[i++] = count(tokens, "ADJ");
    x[i++] = count(tokens, "ADV");
    x[i++] = count(tokens, "PRON");
    x[i++] = s.chars().filter(c -> c == ',').count();
    x[i++] = s.chars().filter(c -> c == '!').count();
    x[i++] = s.chars().filter(c -> "\"„“”«»".indexOf(c) >= 0).count();
    x[i++] = LINK.matcher(s).results().count();
    x[i++] = WordWeights.of(analysis.language).sum(WordWeights.stems(tokens));
    return x;
  }

  private static long count(List<Analysis.Token> tokens, String tag) {
    return tokens.stream().filter(t -> t.tag().equals(tag)).count();
  }
}
