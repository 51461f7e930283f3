package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimdesk.verdict.ReviewPolicies;
import org.claimdesk.verdict.ReviewPolicy;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The desk's review policy over HTTP: everyone reads it, administrators change it. */
@Path("review-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewPolicyResource {
  @Inject ReviewPolicies policies;

  public record PolicyView(String team, long version, int quorum, boolean blindCrossCheck) {}

  /** The whole policy as it shall be, with the version the sender read. */
  public record PolicyRequest(
      @NotNull Long version,
      @NotNull @Min(1) @Max(5) Integer quorum,
      @NotNull Boolean blindCrossCheck) {}

  @GET
  @Operation(
      operationId = "getReviewPolicy",
      summary = "The desk's review policy: quorum of approving supervisors, blind cross-check.")
  public PolicyView policy() {
    return view(policies.current());
  }

  @PUT
  @Operation(
      operationId = "changeReviewPolicy",
      summary =
          "Administrators: {\"version\", \"quorum\" (1–5), \"blindCrossCheck\"}, all required."
              + " Four-eyes is not a setting: nobody approves a verdict they wrote or edited, whatever the policy.")
  public PolicyView changePolicy(@NotNull @Valid PolicyRequest body) {
    return view(policies.change(body.version(), body.quorum(), body.blindCrossCheck()));
  }

  private static PolicyView view(ReviewPolicy p) {
    return new PolicyView(p.team(), p.version(), p.quorum(), p.blindCrossCheck());
  }
}
