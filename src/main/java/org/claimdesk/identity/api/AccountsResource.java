package org.claimdesk.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.claimdesk.identity.Account;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** User administration for administrators, the same use cases as the "Users" page. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsResource {

  @Inject Accounts accounts;

  public record AccountView(
      String username,
      String displayName,
      Set<Role> roles,
      boolean enabled,
      Instant createdAt,
      Instant lastLoginAt) {
    static AccountView of(Account a) {
      return new AccountView(
          a.username(),
          a.displayName(),
          a.roles(),
          a.enabled(),
          a.createdAt(),
          a.lastLoginAt().orElse(null));
    }
  }

  /** The user name's rule (2–64 characters, lower case) and the password's are the service's. */
  public record NewAccount(
      @NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 200) String displayName,
      @NotNull @Size(max = 1000) String password,
      @NotEmpty Set<@NotNull Role> roles) {}

  public record RolesChange(@NotEmpty Set<@NotNull Role> roles) {}

  public record PasswordReset(@NotNull @Size(max = 1000) String password) {}

  @GET
  @Operation(operationId = "listAccounts", summary = "All accounts (administrators).")
  public List<AccountView> list() {
    return accounts.list().stream().map(AccountView::of).toList();
  }

  @GET
  @Path("{username}")
  @Operation(operationId = "getAccount", summary = "One account (administrators).")
  public AccountView get(@PathParam("username") String username) {
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Operation(
      operationId = "createAccount",
      summary = "Create an account (administrators). Password: at least 12 characters.")
  @APIResponse(
      responseCode = "201",
      description = "Created.",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = AccountView.class)))
  public Response create(@NotNull @Valid NewAccount body) {
    Account created =
        accounts.create(body.username(), body.displayName(), body.password(), body.roles());
    return Response.status(Response.Status.CREATED).entity(AccountView.of(created)).build();
  }

  @PUT
  @Path("{username}/roles")
  @Operation(
      operationId = "setRoles",
      summary =
          "Replace the roles; the person's browser sessions end (administrators). Never one's own"
              + " roles: 403, another administrator must.")
  public AccountView setRoles(
      @PathParam("username") String username, @NotNull @Valid RolesChange body) {
    accounts.setRoles(username, body.roles());
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Path("{username}/disable")
  @Operation(
      operationId = "disableAccount",
      summary =
          "Disable an account: its sessions end and its tokens stop working (administrators).")
  public AccountView disable(@PathParam("username") String username) {
    accounts.disable(username);
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Path("{username}/enable")
  @Operation(operationId = "enableAccount", summary = "Enable a disabled account (administrators).")
  public AccountView enable(@PathParam("username") String username) {
    accounts.enable(username);
    return AccountView.of(accounts.find(username));
  }

  @PUT
  @Path("{username}/password")
  @Operation(
      operationId = "resetPassword",
      summary = "Set a new password and lift a login lock (administrators).")
  @APIResponse(responseCode = "204", description = "Done.")
  public Response resetPassword(
      @PathParam("username") String username, @NotNull @Valid PasswordReset body) {
    accounts.resetPassword(username, body.password());
    return Response.noContent().build();
  }
}
