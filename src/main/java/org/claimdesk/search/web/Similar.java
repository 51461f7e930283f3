package org.claimdesk.search.web;

import java.io.Serializable;
import org.claimdesk.search.Match;

/**
 * One similar claim or sentence as the pages list it. For a claim, {@code id} is the claim; for a
 * sentence it is the article, and [start, end) the sentence in its current text.
 */
public record Similar(
    String kind, long id, int start, int end, String text, String title, double score)
    implements Serializable {

  public static Similar of(Match match) {
    return new Similar(
        match.kind().name(),
        match.id(),
        match.start(),
        match.end(),
        match.text(),
        match.title(),
        match.score());
  }

  public boolean isClaim() {
    return "CLAIM".equals(kind);
  }

  /** The score as a whole percentage for display. */
  public long percent() {
    return Math.round(Math.min(1.0, Math.max(0.0, score)) * 100);
  }
}
