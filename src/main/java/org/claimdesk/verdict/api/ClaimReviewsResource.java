package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.claimdesk.platform.api.Public;
import org.claimdesk.verdict.FactChecks;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The public feed of published ClaimReviews for search engines and fact-check aggregators; no login
 * (web.xml lists it as public).
 */
@Path("claimreviews")
@RequestScoped
public class ClaimReviewsResource {
  @Inject FactChecks factChecks;

  /** Which part of the feed: from {@code offset}, {@code limit} items. */
  public static class PageParams {
    @QueryParam("offset")
    @DefaultValue("0")
    @PositiveOrZero
    Integer offset;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(100)
    Integer limit;
  }

  @GET
  // JSON-LD is JSON: clients that accept only application/json get the same document
  @Produces({"application/ld+json", "application/json"})
  @Operation(
      operationId = "getClaimReviewFeed",
      summary =
          "Public, no login: every published fact-check as a schema.org DataFeed of ClaimReviews,"
              + " most recently changed first, as JSON-LD (or application/json if asked for);"
              + " offset (0…) and limit (1–100, default 50). A 'next' link (HTTP Link header)"
              + " while more follow.")
  @Public
  @APIResponse(
      responseCode = "200",
      description = "A schema.org DataFeed of the published ClaimReviews.",
      content = {
        @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))
      })
  public Response feed(@Valid @BeanParam PageParams page) {
    JsonObject feed = factChecks.feed(page.offset, page.limit);
    long total = factChecks.publishedCount();
    Response.ResponseBuilder response = Response.ok(feed).header("X-Total-Count", total);
    long nextOffset = (long) page.offset + page.limit;
    if (nextOffset < total) {
      response.header(
          "Link",
          "<claimreviews?offset=" + nextOffset + "&limit=" + page.limit + ">; rel=\"next\"");
    }
    return response.build();
  }
}
