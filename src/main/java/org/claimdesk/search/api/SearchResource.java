package org.claimdesk.search.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.search.Kind;
import org.claimdesk.search.Page;
import org.claimdesk.search.Query;
import org.claimdesk.search.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The one search box over articles, claims and claimants. */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  static final int LONGEST_PAGE = 100;

  @Inject SearchService search;

  @GET
  @Operation(
      operationId = "search",
      summary =
          "Searches articles, claims and claimants (German and English stemming). Filters: kind"
              + " (article, claim, claimant; repeatable), outlet, language, from/to (published,"
              + " YYYY-MM-DD), hasClaims, hasOpenCase; snippets are HTML with <mark> around hits.")
  public Page search(
      @QueryParam("q") String q,
      @QueryParam("kind") List<String> kinds,
      @QueryParam("outlet") String outlet,
      @QueryParam("language") String language,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("hasClaims") Boolean hasClaims,
      @QueryParam("hasOpenCase") Boolean hasOpenCase,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("20") int limit) {
    if (offset < 0 || limit < 1 || limit > LONGEST_PAGE) {
      throw new InvalidInput("refusal.page.offsetLimit", LONGEST_PAGE);
    }
    Set<Kind> wanted = EnumSet.noneOf(Kind.class);
    for (String kind : kinds == null ? List.<String>of() : kinds) {
      try {
        wanted.add(Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput("refusal.search.kind", kind);
      }
    }
    return search.search(
        new Query(
            q,
            wanted,
            outlet,
            language,
            date(from, "from"),
            date(to, "to"),
            hasClaims,
            hasOpenCase,
            offset,
            limit));
  }

  private static LocalDate date(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInput("refusal.search.date", name, value);
    }
  }
}
