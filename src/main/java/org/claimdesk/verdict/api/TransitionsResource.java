package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseAction;
import org.claimdesk.casework.api.CasesResource.CaseView;
import org.claimdesk.verdict.CorrectionKind;
import org.claimdesk.verdict.Verdicts;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Workflow steps of a case over HTTP; the rules are {@link org.claimdesk.casework.Workflow}'s. */
@Path("cases/{caseId}/transitions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransitionsResource {
  @Inject Verdicts verdicts;

  /**
   * A workflow step: the action by its wire name (start-research, …), the case version the sender
   * read, the reason or remark, and for republishing after a correction the correction's kind.
   */
  public record TransitionRequest(
      @NotNull CaseAction action,
      @NotNull Long version,
      @Size(max = 5000) String comment,
      CorrectionKind correction) {}

  @POST
  @Operation(
      operationId = "transitionCase",
      summary =
          "Takes a workflow step: {\"action\": start-research | submit | approve |"
              + " request-changes | dismiss | reopen | publish | correct, \"comment\": … (at most"
              + " 5,000 characters), \"version\": the case version (required)}. request-changes,"
              + " dismiss, reopen and correct need a comment; republishing after a correction needs"
              + " the public note as comment and \"correction\": CORRECTION or UPDATE. An action the"
              + " state does not allow is 409, one the caller may not take 403 (four-eyes: nobody"
              + " approves a verdict they wrote or edited).")
  public CaseView transition(
      @PathParam("caseId") long caseId, @NotNull @Valid TransitionRequest body) {
    Case c =
        verdicts.move(caseId, body.version(), body.action(), body.comment(), body.correction());
    return CaseView.of(c);
  }
}
