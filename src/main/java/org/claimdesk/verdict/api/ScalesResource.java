package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.claimdesk.casework.api.CasesResource.VersionRequest;
import org.claimdesk.verdict.Rating;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.RatingScales;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rating scales over HTTP: everyone reads them, administrators extend or retire them. */
@Path("scales")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScalesResource {
  @Inject RatingScales scales;

  public record RatingView(
      String code, int position, String labelDe, String labelEn, Integer ratingValue) {}

  public record ScaleView(
      long id,
      long version,
      String name,
      int number,
      boolean current,
      Instant createdAt,
      Instant retiredAt,
      int bestRating,
      int worstRating,
      List<RatingView> ratings) {}

  /**
   * One more rating for a new version of the scale: its code, labels, place on the ClaimReview
   * scale (none: not rated there) and 1-based position in the scale (none: at the end).
   */
  public record ExtendRequest(
      @NotNull Long version,
      @NotBlank @Size(max = 40) String code,
      @NotBlank @Size(max = 100) String labelDe,
      @NotBlank @Size(max = 100) String labelEn,
      @Positive Integer ratingValue,
      @Positive Integer position) {
    Rating rating() {
      return new Rating(code, 0, labelDe, labelEn, ratingValue);
    }

    int place() {
      return position == null ? Integer.MAX_VALUE : position;
    }
  }

  @GET
  @Operation(
      operationId = "listScales",
      summary =
          "Every version of every rating scale with its ClaimReview mapping (ratingValue null:"
              + " no place on the numeric scale); 'current' marks the one new verdicts use.")
  public List<ScaleView> list() {
    long current = scales.current().id();
    return scales.all().stream().map(s -> view(s, current)).toList();
  }

  @POST
  @Path("{id}/ratings")
  @Operation(
      operationId = "extendScale",
      summary =
          "Administrators: a new version of the scale with one more rating ({\"version\","
              + " \"code\" (≤ 40 capital letters, digits, _), \"labelDe\", \"labelEn\" (≤ 100"
              + " characters each), \"ratingValue\" (optional, 1 or more), \"position\" (optional,"
              + " 1-based)}); the extended version is retired, verdicts keep theirs.")
  public ScaleView extend(@PathParam("id") long id, @NotNull @Valid ExtendRequest body) {
    RatingScale next = scales.extend(id, body.version(), body.rating(), body.place());
    return view(next, next.id());
  }

  @POST
  @Path("{id}/retire")
  @Operation(
      operationId = "retireScale",
      summary = "Administrators: no new verdicts on this scale version ({\"version\": …}).")
  public ScaleView retire(@PathParam("id") long id, @NotNull @Valid VersionRequest body) {
    return view(scales.retire(id, body.version()), -1);
  }

  private static ScaleView view(RatingScale s, long current) {
    return new ScaleView(
        s.id(),
        s.version(),
        s.name(),
        s.number(),
        s.id() == current,
        s.createdAt(),
        s.retiredAt().orElse(null),
        s.best(),
        s.worst(),
        s.ratings().stream()
            .map(
                r ->
                    new RatingView(
                        r.code(),
                        r.position(),
                        r.labelDe(),
                        r.labelEn(),
                        r.ratingValue().orElse(null)))
            .toList());
  }
}
