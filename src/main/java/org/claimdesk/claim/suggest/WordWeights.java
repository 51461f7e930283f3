package org.claimdesk.claim.suggest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much each word stem says about a checkable fact, learned from labelled comments: the smoothed
 * log-ratio of the share of fact-claiming and of other comments that contain it. Read from {@code
 * checkworthiness-words_<language>.txt} next to this class (one {@code stem<TAB>weight} a line),
 * written by {@code CheckWorthinessFit}; a language without that file has no word weights. Not a
 * reason shown to the person: it enters the score as one count, like the word count.
 */
final class WordWeights {
  /** A stem is the first letters of the lower-cased word, so inflections share one entry. */
  static final int STEM_LENGTH = 6;

  private static final Map<String, WordWeights> LOADED = new ConcurrentHashMap<>();

  private final Map<String, Double> weights;

  WordWeights(Map<String, Double> weights) {
    this.weights = Map.copyOf(weights);
  }

  static String file(String language) {
    return "checkworthiness-words_" + language + ".txt";
  }

  static WordWeights of(String language) {
    return LOADED.computeIfAbsent(language, WordWeights::load);
  }

  /** The distinct stems of a sentence's words (tokens starting with a letter or digit). */
  static Set<String> stems(List<Analysis.Token> tokens) {
    Set<String> stems = new LinkedHashSet<>();
    for (Analysis.Token token : tokens) {
      String word = token.text().toLowerCase(Locale.ROOT);
      if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0))) {
        int end =
            word.offsetByCodePoints(
                0, Math.min(STEM_LENGTH, word.codePointCount(0, word.length())));
        stems.add(word.substring(0, end));
      }
    }
    return stems;
  }

  /** The sum of the weights of these stems; unknown stems add nothing. */
  double sum(Set<String> stems) {
    double sum = 0;
    for (String stem : stems) {
      sum += weights.getOrDefault(stem, 0.0);
    }
    return sum;
  }

  int size() {
    return weights.size();
  }

  private static WordWeights load(String language) {
    try (InputStream in = WordWeights.class.getResourceAsStream(file(language))) {
      if (in == null) {
        return new WordWeights(Map.of());
      }
      Map<String, Double> weights = new HashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 2) {
          throw new IllegalStateException(file(language) + ": not stem<TAB>weight: " + line);
        }
        weights.put(cells[0], Double.parseDouble(cells[1].strip()));
      }
      return new WordWeights(weights);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
