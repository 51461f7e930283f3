package org.claimdesk.claim.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.claimdesk.claim.Appearance;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.search.Match;
import org.claimdesk.search.SimilarClaims;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Claims over HTTP: capture at a span, link appearances, find similar ones. */
@Path("claims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimsResource {
  @Inject ClaimRegister register;
  @Inject SimilarClaims similar;

  public record AppearanceView(
      long id,
      long articleId,
      String articleTitle,
      int revision,
      int start,
      int end,
      String quote,
      Instant createdAt,
      String createdBy) {
    static AppearanceView of(Appearance a) {
      return new AppearanceView(
          a.id(),
          a.article().id(),
          a.article().title(),
          a.revision(),
          a.start(),
          a.end(),
          a.quote(),
          a.createdAt(),
          a.createdBy());
    }
  }

  public record ClaimView(
      long id,
      long version,
      String statement,
      Long claimantId,
      String claimant,
      LocalDate claimedOn,
      String language,
      Instant createdAt,
      String createdBy,
      List<AppearanceView> appearances) {
    static ClaimView of(Claim c) {
      return new ClaimView(
          c.id(),
          c.version(),
          c.statement(),
          c.claimant().map(Claimant::id).orElse(null),
          c.claimant().map(Claimant::name).orElse(null),
          c.claimedOn().orElse(null),
          c.language(),
          c.createdAt(),
          c.createdBy(),
          c.appearances().stream().map(AppearanceView::of).toList());
    }
  }

  public record ClaimPage(long total, int offset, int limit, List<ClaimView> items) {}

  /**
   * A new claim at [start, end) of an article's reading text (revision: null = current), with its
   * statement and who made it.
   */
  public record CaptureRequest(
      @NotNull @Positive Long articleId,
      @Positive Integer revision,
      @NotNull @PositiveOrZero Integer start,
      @NotNull @PositiveOrZero Integer end,
      @NotBlank @Size(max = 1000) String statement,
      @Size(max = 200) String claimant,
      LocalDate claimedOn) {
    ClaimRegister.Capture capture() {
      return new ClaimRegister.Capture(
          new ClaimRegister.Span(articleId, revision, start, end), statement, claimant, claimedOn);
    }
  }

  /** Another appearance of a claim, from the claim version the sender read. */
  public record LinkRequest(
      @NotNull Long version,
      @NotNull @Positive Long articleId,
      @Positive Integer revision,
      @NotNull @PositiveOrZero Integer start,
      @NotNull @PositiveOrZero Integer end) {
    ClaimRegister.Span span() {
      return new ClaimRegister.Span(articleId, revision, start, end);
    }
  }

  public record EditRequest(
      @NotNull Long version,
      @NotBlank @Size(max = 1000) String statement,
      @Size(max = 200) String claimant,
      LocalDate claimedOn) {}

  @GET
  @Operation(
      operationId = "listClaims",
      summary = "Claims, newest first, paged with offset and limit (at most 200).")
  public ClaimPage list(
      @QueryParam("offset") @DefaultValue("0") @PositiveOrZero int offset,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return new ClaimPage(
        register.count(),
        offset,
        limit,
        register.newestFirst(offset, limit).stream().map(ClaimView::of).toList());
  }

  @POST
  @Operation(
      operationId = "captureClaim",
      summary =
          "Captures a claim: articleId, start and end (UTF-16 offsets into the reading text, end"
              + " exclusive), optional revision, the one-sentence statement, claimant name and"
              + " claimedOn. 201 with the claim.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ClaimView.class)))
  public Response capture(@NotNull @Valid CaptureRequest body) {
    Claim claim = register.capture(body.capture());
    return Response.created(URI.create("claims/" + claim.id())).entity(ClaimView.of(claim)).build();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getClaim",
      summary = "One claim with its claimant and every appearance (article, span, quote).")
  public ClaimView get(@PathParam("id") long id) {
    return ClaimView.of(register.find(id));
  }

  @PUT
  @Path("{id}")
  @Operation(
      operationId = "editClaim",
      summary = "Changes statement, claimant or date; send the version you read.")
  public ClaimView edit(@PathParam("id") long id, @NotNull @Valid EditRequest body) {
    return ClaimView.of(
        register.edit(id, body.version(), body.statement(), body.claimant(), body.claimedOn()));
  }

  @POST
  @Path("{id}/appearances")
  @Operation(
      operationId = "linkAppearance",
      summary =
          "Links another span (articleId, start, end, optional revision) as an appearance of this"
              + " claim instead of capturing a duplicate; send the claim version you read.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ClaimView.class)))
  public Response link(@PathParam("id") long id, @NotNull @Valid LinkRequest body) {
    register.link(id, body.version(), body.span());
    return Response.created(URI.create("claims/" + id))
        .entity(ClaimView.of(register.find(id)))
        .build();
  }

  @GET
  @Path("{id}/similar")
  @Operation(
      operationId = "listSimilarClaims",
      summary =
          "Existing claims and sentences of other articles that look like the same claim, best"
              + " first.")
  public List<Match> similar(
      @PathParam("id") long id,
      @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
    return similar.to(id, limit);
  }
}
