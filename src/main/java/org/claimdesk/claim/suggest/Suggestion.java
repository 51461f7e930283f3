package org.claimdesk.claim.suggest;

import java.util.List;
import java.util.Objects;

/**
 * A sentence suggested for checking. {@code start}/{@code end} are UTF-16 offsets into the text
 * that was ranked; {@code score} is the fitted log-odds that the sentence states a checkable fact
 * (higher is more worth checking), from {@code reasons} and a few word counts.
 */
public record Suggestion(int start, int end, String sentence, double score, List<Reason> reasons) {
  public Suggestion {
    Objects.requireNonNull(sentence, "sentence");
    reasons = List.copyOf(reasons);
  }
}
