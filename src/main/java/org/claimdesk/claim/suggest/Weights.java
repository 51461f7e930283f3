package org.claimdesk.claim.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The fitted weights of the check-worthiness score, one per {@link Features} name plus an
 * intercept, read from {@code checkworthiness-weights.properties} next to this class. That file is
 * written by {@code CheckWorthinessFit} (its header names the command and the data); edit it only
 * by running the fit again.
 */
final class Weights {
  static final String FILE = "checkworthiness-weights.properties";

  /** Fitted on the same comments without word weights: for languages that have none. */
  static final String WITHOUT_WORDS_FILE = "checkworthiness-weights-without-words.properties";

  static final String INTERCEPT = "intercept";

  /** The shipped weights, loaded once. */
  static final Weights SHIPPED = load(FILE);

  static final Weights WITHOUT_WORDS = load(WITHOUT_WORDS_FILE);

  /**
   * The weights for a language: the full model where word weights exist for it (German), else the
   * model fitted without them, whose other weights do not lean on a count that is always 0.
   */
  static Weights of(String language) {
    return WordWeights.of(language).size() > 0 ? SHIPPED : WITHOUT_WORDS;
  }

  final double intercept;
  private final double[] weights;

  Weights(double intercept, double[] weights) {
    if (weights.length != Features.NAMES.size()) {
      throw new IllegalArgumentException("one weight per feature expected: " + weights.length);
    }
    this.intercept = intercept;
    this.weights = weights.clone();
  }

  double of(Signal signal) {
    return weights[signal.ordinal()];
  }

  /** Log-odds that a comment made of this sentence alone states a checkable fact. */
  double score(double[] features) {
    double score = intercept;
    for (int i = 0; i < weights.length; i++) {
      score += weights[i] * features[i];
    }
    return score;
  }

  double[] weights() {
    return weights.clone();
  }

  static Weights load(String file) {
    try (InputStream in = Weights.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("check-worthiness weights missing: " + file);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return of(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exactly one value per feature and the intercept; anything missing or extra is an error. */
  static Weights of(Properties p) {
    TreeSet<String> extra = new TreeSet<>(p.stringPropertyNames());
    extra.removeAll(Features.NAMES);
    extra.remove(INTERCEPT);
    List<String> missing = Features.NAMES.stream().filter(n -> p.getProperty(n) == null).toList();
    if (!extra.isEmpty() || !missing.isEmpty() || p.getProperty(INTERCEPT) == null) {
      throw new IllegalStateException(
          FILE + ": missing " + missing + ", unknown " + extra + ", intercept " + p.get(INTERCEPT));
    }
    double[] w = new double[Features.NAMES.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = Double.parseDouble(p.getProperty(Features.NAMES.get(i)).strip());
    }
    return new Weights(Double.parseDouble(p.getProperty(INTERCEPT).strip()), w);
  }
}
