package org.claimdesk.identity.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.identity.Account;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

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

  public record NewAccount(String username, String displayName, String password, Set<Role> roles) {}

  public record RolesChange(Set<Role> roles) {}

  public record PasswordReset(String password) {}

  @GET
  @Operation(summary = "All accounts (administrators).")
  public List<AccountView> list() {
    return accounts.list().stream().map(AccountView::of).toList();
  }

  @GET
  @Path("{username}")
  @Operation(summary = "One account (administrators).")
  public AccountView get(@PathParam("username") String username) {
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Operation(summary = "Create an account (administrators). Password: at least 12 characters.")
  public Response create(NewAccount request) {
    if (request == null) {
      throw new IllegalArgumentException("Send username, displayName, password and roles.");
    }
    Account created =
        accounts.create(
            request.username(), request.displayName(), request.password(), roles(request.roles()));
    return Response.status(Response.Status.CREATED).entity(AccountView.of(created)).build();
  }

  @PUT
  @Path("{username}/roles")
  @Operation(
      summary =
          "Replace the roles; the person's browser sessions end (administrators). Never one's own"
              + " roles: 403, another administrator must.")
  public AccountView setRoles(@PathParam("username") String username, RolesChange change) {
    accounts.setRoles(username, roles(change == null ? null : change.roles()));
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Path("{username}/disable")
  @Operation(
      summary =
          "Disable an account: its sessions end and its tokens stop working (administrators).")
  public AccountView disable(@PathParam("username") String username) {
    accounts.disable(username);
    return AccountView.of(accounts.find(username));
  }

  @POST
  @Path("{username}/enable")
  @Operation(summary = "Enable a disabled account (administrators).")
  public AccountView enable(@PathParam("username") String username) {
    accounts.enable(username);
    return AccountView.of(accounts.find(username));
  }

  @PUT
  @Path("{username}/password")
  @Operation(summary = "Set a new password and lift a login lock (administrators).")
  public Response resetPassword(@PathParam("username") String username, PasswordReset reset) {
    accounts.resetPassword(username, reset == null ? null : reset.password());
    return Response.noContent().build();
  }

  private static Set<Role> roles(Set<Role> requested) {
    return requested == null || requested.isEmpty() ? Set.of() : EnumSet.copyOf(requested);
  }
}
