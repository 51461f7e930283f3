package org.claimdesk.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.claimdesk.identity.ApiToken;
import org.claimdesk.identity.ApiTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Personal API tokens: issue (with HTTP Basic once, or a token), list, revoke. */
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

  @Inject ApiTokens tokens;

  /** Optional body of POST /api/tokens: a name for the token, valid for 1 to 365 days. */
  public record TokenRequest(@Size(max = 100) String name, @Min(1) @Max(365) Integer validDays) {}

  public record TokenView(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id(),
          t.name(),
          t.secretPrefix(),
          t.createdAt(),
          t.expiresAt(),
          t.revokedAt().orElse(null));
    }
  }

  /** The secret appears in this answer only. */
  public record IssuedTokenView(String token, TokenView details) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "issueToken",
      summary =
          "Issue a personal API token; the secret is returned once. Accepts HTTP Basic. Optional"
              + " body: name (at most 100 characters), validDays (1–365).")
  @SecurityRequirement(name = "basic")
  @SecurityRequirement(name = "bearer")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = IssuedTokenView.class)))
  public Response issue(@Valid TokenRequest body) {
    String name = body == null || body.name() == null ? "API token" : body.name();
    ApiTokens.IssuedToken issued = tokens.issue(name, body == null ? null : body.validDays());
    return Response.status(Response.Status.CREATED)
        .entity(new IssuedTokenView(issued.secret(), TokenView.of(issued.token())))
        .build();
  }

  @GET
  @Operation(
      operationId = "listMyTokens",
      summary = "The caller's tokens, newest first (without secrets).")
  public List<TokenView> mine() {
    return tokens.mine().stream().map(TokenView::of).toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "revokeToken",
      summary = "Revoke a token (one's own; administrators: anybody's).")
  @APIResponse(responseCode = "204", description = "Done.")
  public Response revoke(@PathParam("id") long id) {
    tokens.revoke(id);
    return Response.noContent().build();
  }
}
