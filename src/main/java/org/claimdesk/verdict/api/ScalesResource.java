package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.claimdesk.platform.JsonFields;
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

  @GET
  @Operation(
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
      summary =
          "Administrators: a new version of the scale with one more rating ({\"version\","
              + " \"code\", \"labelDe\", \"labelEn\", \"ratingValue\" (optional), \"position\""
              + " (optional, 1-based)}); the extended version is retired, verdicts keep theirs.")
  public ScaleView extend(@PathParam("id") long id, JsonObject body) {
    Long value = JsonFields.number(body, "ratingValue");
    Long position = JsonFields.number(body, "position");
    RatingScale next =
        scales.extend(
            id,
            JsonFields.version(body, "scale"),
            new Rating(
                JsonFields.text(body, "code"),
                0,
                JsonFields.text(body, "labelDe"),
                JsonFields.text(body, "labelEn"),
                value == null ? null : Math.toIntExact(value)),
            position == null ? Integer.MAX_VALUE : Math.toIntExact(position));
    return view(next, next.id());
  }

  @POST
  @Path("{id}/retire")
  @Operation(summary = "Administrators: no new verdicts on this scale version ({\"version\": …}).")
  public ScaleView retire(@PathParam("id") long id, JsonObject body) {
    return view(scales.retire(id, JsonFields.version(body, "scale")), -1);
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
