package org.claimdesk.search;

import java.util.Objects;

/** Where a claim appears: the quoted text and its offsets in the article's reading text. */
public record Quote(long articleId, int start, int end, String text) {

  public Quote {
    Objects.requireNonNull(text, "text");
  }
}
