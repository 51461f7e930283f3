package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.claimdesk.verdict.FactChecks;
import org.claimdesk.verdict.Verdicts;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The ClaimReview of one case, for the desk (the public reads the page and the feed). */
@Path("cases/{caseId}/claimreview")
@RequestScoped
public class CaseClaimReviewResource {
  @Inject Verdicts verdicts;
  @Inject FactChecks factChecks;

  @GET
  @Produces("application/ld+json")
  @Operation(
      operationId = "getCaseClaimReview",
      summary = "The schema.org ClaimReview of the published verdict (404 before publication).")
  public JsonObject claimReview(@PathParam("caseId") long caseId) {
    verdicts.of(caseId);
    return factChecks.claimReview(caseId);
  }
}
