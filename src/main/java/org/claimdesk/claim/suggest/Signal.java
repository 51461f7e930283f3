package org.claimdesk.claim.suggest;

/**
 * What makes a sentence more or less worth checking, each shown to the person as a reason with the
 * words that triggered it. The words are data, in {@code checkworthiness_<language>.txt}; the
 * weights are fitted on labelled data and live in {@code checkworthiness-weights.properties}
 * ({@link Weights}).
 */
public enum Signal {
  QUANTITY,
  DATE,
  NAMED_SOURCE,
  REPORTED_SPEECH,
  COMPARISON,
  LEGAL_OR_CAUSAL,
  /** A concrete action that happened or was announced: signed, delivered, visited, vetoed. */
  EVENT,
  OPINION,
  QUESTION,
  FEELING,
  /** Vague future or possibility: could, possibly, expected to. */
  SPECULATION,
  BOILERPLATE,
  TOO_SHORT,
  /** A paragraph of one sentence without closing punctuation, or a sentence without a verb. */
  HEADLINE;

  /** The fitted weight: what this signal adds to a sentence's score (log-odds). */
  public double weight() {
    return Weights.SHIPPED.of(this);
  }

  public boolean positive() {
    return weight() > 0;
  }
}
