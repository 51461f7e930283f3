package org.claimdesk.claim;

/**
 * What makes a sentence more or less worth checking. The weights live here and nowhere else: a
 * sentence's score is the sum of the weights of the signals found in it, each signal counted once.
 * The words that trigger a signal are data, in {@code checkworthiness_<language>.txt}.
 */
public enum Signal {
  QUANTITY(1.5),
  DATE(1.0),
  NAMED_SOURCE(1.25),
  REPORTED_SPEECH(0.75),
  COMPARISON(0.75),
  LEGAL_OR_CAUSAL(1.0),
  /** A concrete action that happened or was announced: signed, delivered, visited, vetoed. */
  EVENT(1.0),
  OPINION(-1.5),
  QUESTION(-2.5),
  FEELING(-1.0),
  /** Vague future or possibility: could, possibly, expected to. */
  SPECULATION(-0.75),
  BOILERPLATE(-6.0),
  TOO_SHORT(-4.0),
  /** A paragraph of one sentence without closing punctuation, or a sentence without a verb. */
  HEADLINE(-3.0);

  private final double weight;

  Signal(double weight) {
    this.weight = weight;
  }

  public double weight() {
    return weight;
  }

  public boolean positive() {
    return weight > 0;
  }
}
