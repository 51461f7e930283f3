package org.claimdesk.search;

import java.util.List;

/**
 * One page of search hits; {@code total} counts all matches, {@code outlets} are the outlets of the
 * matching articles as if no outlet filter were set, so the filter can be switched.
 */
public record Page(long total, List<Hit> hits, List<String> outlets) {

  public Page {
    hits = List.copyOf(hits);
    outlets = List.copyOf(outlets);
  }
}
