package org.claimdesk.search;

/** A sentence as character offsets {@code [start, end)} into {@link ArticleEntry#text()}. */
public record Span(int start, int end) {

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }
}
