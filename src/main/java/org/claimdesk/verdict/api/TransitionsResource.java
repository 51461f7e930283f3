package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseAction;
import org.claimdesk.casework.api.CasesResource.CaseView;
import org.claimdesk.platform.JsonFields;
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

  @POST
  @Operation(
      summary =
          "Takes a workflow step: {\"action\": start-research | submit | approve |"
              + " request-changes | dismiss | reopen | publish | correct, \"comment\": …,"
              + " \"version\": the case version}. request-changes, dismiss, reopen and correct need"
              + " a comment; republishing after a correction needs the public note as comment and"
              + " \"correction\": CORRECTION or UPDATE. An action the state does not allow is 409,"
              + " one the caller may not take 403 (four-eyes: nobody approves a verdict they wrote"
              + " or edited).")
  public CaseView transition(@PathParam("caseId") long caseId, JsonObject body) {
    String action = JsonFields.text(body, "action");
    if (action == null) {
      throw new IllegalArgumentException("Send the action to take.");
    }
    Case c =
        verdicts.move(
            caseId,
            JsonFields.version(body, "case"),
            CaseAction.ofWireName(action.strip()),
            JsonFields.text(body, "comment"),
            JsonFields.named(
                CorrectionKind.class, JsonFields.text(body, "correction"), "correction"));
    return CaseView.of(c);
  }
}
