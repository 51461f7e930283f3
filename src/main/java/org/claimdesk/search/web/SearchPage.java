package org.claimdesk.search.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.search.Kind;
import org.claimdesk.search.Page;
import org.claimdesk.search.Query;
import org.claimdesk.search.SearchService;

/**
 * "Search" ({@code search.xhtml?q=…}): one box over articles, claims and claimants with filters.
 * Everything is a GET parameter, so a search is a bookmark.
 */
@Named
@RequestScoped
public class SearchPage {
  static final int PAGE = 20;

  @Inject SearchService search;

  private String q;
  private String kind;
  private String outlet;
  private String language;
  private LocalDate from;
  private LocalDate to;
  private boolean hasClaims;
  private int offset;
  private Page result;

  /** Runs the search once the parameters are set; an empty box searches nothing. */
  public void search() {
    if (q == null || q.isBlank()) {
      return;
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    if (kind != null && !kind.isBlank()) {
      try {
        kinds.add(Kind.valueOf(kind.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        // an unknown kind in a hand-made URL searches everything
      }
    }
    result =
        Feedback.attemptGet(
            () ->
                search.search(
                    new Query(
                        q.strip(),
                        kinds,
                        blank(outlet),
                        blank(language),
                        from,
                        to,
                        hasClaims ? Boolean.TRUE : null,
                        null,
                        Math.max(0, offset),
                        PAGE)),
            null);
  }

  /** The address of another page of the same search. */
  public String pageUrl(int newOffset) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("kind", blank(kind));
    params.put("outlet", blank(outlet));
    params.put("language", blank(language));
    params.put("from", from);
    params.put("to", to);
    params.put("hasClaims", hasClaims ? "true" : null);
    params.put("offset", newOffset == 0 ? null : newOffset);
    return "search.xhtml?"
        + params.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public boolean isSearched() {
    return result != null;
  }

  public Page getResult() {
    return result;
  }

  public List<String> getOutlets() {
    return result == null ? List.of() : result.outlets();
  }

  public boolean isHasPrevious() {
    return result != null && offset > 0;
  }

  public boolean isHasNext() {
    return result != null && offset + PAGE < result.total();
  }

  public int getPreviousOffset() {
    return Math.max(0, offset - PAGE);
  }

  public int getNextOffset() {
    return offset + PAGE;
  }

  public int getFirstShown() {
    return offset + 1;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getOutlet() {
    return outlet;
  }

  public void setOutlet(String outlet) {
    this.outlet = outlet;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public boolean isHasClaims() {
    return hasClaims;
  }

  public void setHasClaims(boolean hasClaims) {
    this.hasClaims = hasClaims;
  }

  public int getOffset() {
    return offset;
  }

  public void setOffset(int offset) {
    this.offset = offset;
  }
}
