package org.claimdesk.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the search box asks. {@code text} is user input: quotes, {@code +}, {@code -}, {@code |},
 * {@code *} work, anything else is taken literally. Null filters do not filter; a filter on a field
 * a kind does not have (outlet on a claim) leaves that kind out.
 */
public record Query(
    String text,
    Set<Kind> kinds,
    String outlet,
    String language,
    LocalDate from,
    LocalDate to,
    Boolean hasClaims,
    Boolean hasOpenCase,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 200;

  public Query {
    text = text == null ? "" : text;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    if (kinds.contains(Kind.SENTENCE)) {
      throw new IllegalArgumentException("sentences are found through similar(), not search()");
    }
    if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("bad page " + offset + "+" + limit);
    }
  }

  /** The first page of everything matching {@code text}, unfiltered. */
  public static Query of(String text) {
    return new Query(text, Set.of(), null, null, null, null, null, null, 0, 20);
  }
}
