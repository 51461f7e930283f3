package org.claimdesk.article.text;

import java.util.Objects;

/**
 * A paragraph taken out of the reading text, kept so that a checker can see and restore it.
 *
 * @param at offset in the clean text where the part stood: always a paragraph boundary (0, the
 *     start of the paragraph that followed it, or the text's length when nothing followed)
 * @param text the removed paragraph, whitespace normalised like the clean text
 */
public record RemovedPart(int at, String text, Removal reason) {

  public RemovedPart {
    if (at < 0) {
      throw new IllegalArgumentException("at must not be negative");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
  }
}
