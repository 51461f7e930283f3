package org.claimdesk.claim.suggest;

import java.util.Objects;

/** One signal found in a sentence, with the words that triggered it (e.g. "10.000", "sagte"). */
public record Reason(Signal signal, String evidence) {
  public Reason {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(evidence, "evidence");
  }
}
