package org.claimdesk.claim.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.claim.Claimant;
import org.claimdesk.claim.Claimants;
import org.claimdesk.platform.api.Changing;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The claimant register over HTTP. */
@Path("claimants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClaimantsResource {
  @Inject Claimants claimants;
  @Inject ClaimRegister claims;

  public record ClaimantView(
      long id, long version, String name, String kind, String description, List<Long> claims) {}

  /** A claimant (kind: UNKNOWN when left out); {@code version} is required when editing. */
  public record ClaimantRequest(
      @NotNull(groups = Changing.class) Long version,
      @NotBlank @Size(max = 200) String name,
      Claimant.Kind kind,
      @Size(max = 1000) String description) {}

  @GET
  @Operation(operationId = "listClaimants", summary = "Every claimant, by name.")
  public List<ClaimantView> list() {
    return claimants.all().stream().map(c -> view(c, List.of())).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getClaimant",
      summary = "One claimant and the ids of their claims, newest first.")
  public ClaimantView get(@PathParam("id") long id) {
    Claimant c = claimants.find(id);
    return view(c, claims.byClaimant(c).stream().map(claim -> claim.id()).toList());
  }

  @POST
  @Operation(
      operationId = "createClaimant",
      summary = "Registers a claimant (name, kind PERSON/ORGANISATION/UNKNOWN, description).")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ClaimantView.class)))
  public Response create(@NotNull @Valid ClaimantRequest body) {
    Claimant c = claimants.create(body.name(), body.kind(), body.description());
    return Response.created(URI.create("claimants/" + c.id())).entity(view(c, List.of())).build();
  }

  @PUT
  @Path("{id}")
  @Operation(
      operationId = "editClaimant",
      summary = "Renames or describes a claimant; send the version you read.")
  public ClaimantView edit(
      @PathParam("id") long id,
      @NotNull @Valid @ConvertGroup(to = Changing.class) ClaimantRequest body) {
    return view(
        claimants.edit(id, body.version(), body.name(), body.kind(), body.description()),
        List.of());
  }

  private static ClaimantView view(Claimant c, List<Long> claimIds) {
    return new ClaimantView(
        c.id(), c.version(), c.name(), c.kind().name(), c.description().orElse(null), claimIds);
  }
}
