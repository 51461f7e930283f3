package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.claimdesk.verdict.FactChecks;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public feed of published ClaimReviews for search engines and fact-check aggregators; no login
 * (web.xml lists it as public).
 */
@Path("claimreviews")
@RequestScoped
public class ClaimReviewsResource {
  @Inject FactChecks factChecks;

  @GET
  @Produces("application/ld+json")
  @Operation(
      summary =
          "Public, no login: every published fact-check as a schema.org DataFeed of ClaimReviews,"
              + " most recently changed first; offset (0…) and limit (1–100, default 50). A 'next'"
              + " link (HTTP Link header) while more follow.")
  public Response feed(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    JsonObject feed = factChecks.feed(offset, limit);
    long total = factChecks.publishedCount();
    Response.ResponseBuilder response = Response.ok(feed).header("X-Total-Count", total);
    if (offset + limit < total) {
      response.header(
          "Link",
          "<claimreviews?offset=" + (offset + limit) + "&limit=" + limit + ">; rel=\"next\"");
    }
    return response.build();
  }
}
