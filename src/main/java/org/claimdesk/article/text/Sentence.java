package org.claimdesk.article.text;

import java.util.Objects;

/**
 * One sentence of a reading text. {@code start} and {@code end} are UTF-16 offsets into that text
 * (as Java's {@code String} and JavaScript count), so {@code text.equals(whole.substring(start,
 * end))}. A sentence never crosses a line break and carries no leading or trailing whitespace.
 */
public record Sentence(int start, int end, String text) {
  public Sentence {
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start || end - start != text.length()) {
      throw new IllegalArgumentException("offsets " + start + ".." + end + " do not fit the text");
    }
  }
}
