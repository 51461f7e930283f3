package org.claimdesk.search;

import java.util.List;
import java.util.Objects;

/** A claim: its statement and the quotes that show it in articles. */
public record ClaimEntry(
    long id,
    String statement,
    String claimant,
    String language,
    List<Quote> quotes,
    boolean hasOpenCase)
    implements Entry {

  public ClaimEntry {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(language, "language");
    quotes = List.copyOf(quotes);
  }

  @Override
  public Kind kind() {
    return Kind.CLAIM;
  }
}
