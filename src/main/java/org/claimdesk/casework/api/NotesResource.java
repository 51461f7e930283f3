package org.claimdesk.casework.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.claimdesk.casework.Note;
import org.claimdesk.casework.Notes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A case's discussion over HTTP. */
@Path("cases/{caseId}/notes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NotesResource {
  @Inject Notes notes;

  public record NoteView(
      long id, long caseId, String author, Instant writtenAt, String body, Set<String> mentions) {
    static NoteView of(Note n) {
      return new NoteView(n.id(), n.caseId(), n.author(), n.writtenAt(), n.body(), n.mentioned());
    }
  }

  /** A note's text; the @usernames in it are the people told. */
  public record NoteRequest(@NotBlank @Size(max = 5000) String body) {}

  @GET
  @Operation(operationId = "listNotes", summary = "The case's notes, oldest first.")
  public List<NoteView> list(@PathParam("caseId") long caseId) {
    return notes.of(caseId).stream().map(NoteView::of).toList();
  }

  @POST
  @Operation(
      operationId = "writeNote",
      summary =
          "Fact-checkers and supervisors: writes a note ({\"body\": …}, at most 5,000"
              + " characters). Each @username mentioned gets an inbox entry; a name without an"
              + " active account refuses the note (422, nothing stored).")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = NoteView.class)))
  @APIResponse(responseCode = "422", description = "The note mentions people who have no account.")
  public Response write(@PathParam("caseId") long caseId, @NotNull @Valid NoteRequest body) {
    Note note = notes.write(caseId, body.body());
    return Response.status(Response.Status.CREATED).entity(NoteView.of(note)).build();
  }
}
