package org.claimdesk.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.logging.Logger;
import org.claimdesk.platform.AccessDenied;

/**
 * Who is making the current request. Services call {@link #require} before they change or reveal
 * anything, so the rules hold for the UI and the REST API alike.
 */
@RequestScoped
public class Caller {
  private static final Logger LOG = Logger.getLogger(Caller.class.getName());

  @Inject SecurityContext security;

  public boolean authenticated() {
    return security.getCallerPrincipal() != null;
  }

  /** The user name, or "anonymous" outside a login. */
  public String username() {
    Principal principal = security.getCallerPrincipal();
    return principal == null ? "anonymous" : principal.getName();
  }

  public boolean has(Role role) {
    return security.isCallerInRole(role.name());
  }

  /** Refuses (and logs) the call unless the caller holds at least one of the roles. */
  public void require(Role... anyOf) {
    if (!authenticated() || Arrays.stream(anyOf).noneMatch(this::has)) {
      LOG.warning(
          () -> "Refused access: " + username() + " lacks one of " + Arrays.toString(anyOf));
      throw new AccessDenied("This needs the role " + describe(anyOf) + ".");
    }
  }

  /** Refuses (and logs) the call unless the caller is the owner or holds the role. */
  public void requireSelfOr(String owner, Role role) {
    if (!authenticated() || !(username().equals(owner) || has(role))) {
      LOG.warning(() -> "Refused access: " + username() + " is neither " + owner + " nor " + role);
      throw new AccessDenied("Only " + owner + " or the role " + role + " may do this.");
    }
  }

  private static String describe(Role... roles) {
    return String.join(" or ", Arrays.stream(roles).map(Role::name).toList());
  }
}
