package org.claimdesk.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Logger;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.platform.AccessDenied;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.RequestOrigin;

/**
 * Who is making the current request. Services call {@link #require} before they change or reveal
 * anything, so the rules hold for the UI and the REST API alike.
 */
@RequestScoped
public class Caller {
  private static final Logger LOG = Logger.getLogger(Caller.class.getName());

  @Inject SecurityContext security;
  @Inject AuditTrail audit;
  @Inject RequestOrigin origin;

  // Services and pages ask many times a request (a queue page per row), and the container parses
  // the caller's whole subject at each getCallerPrincipal() and walks their groups at each role
  // check. Both are kept for the request once somebody is signed in; signing in or out within a
  // request calls forget(). Nobody signed in is not kept: the sign-in may still come.
  private Principal signedIn;
  private final Map<Role, Boolean> roles = new EnumMap<>(Role.class);

  private Principal principal() {
    if (signedIn == null) {
      signedIn = security.getCallerPrincipal();
    }
    return signedIn;
  }

  /** Forgets who was asked about: the request signed somebody in or out. */
  public void forget() {
    signedIn = null;
    roles.clear();
  }

  public boolean authenticated() {
    return principal() != null;
  }

  /** The user name, or "anonymous" outside a login. */
  public String username() {
    Principal principal = principal();
    return principal == null ? "anonymous" : principal.getName();
  }

  /** The caller's roles by name, sorted. */
  public java.util.List<String> roleNames() {
    return Arrays.stream(Role.values()).filter(this::has).map(Role::name).sorted().toList();
  }

  public boolean has(Role role) {
    if (principal() == null) {
      return false;
    }
    return roles.computeIfAbsent(role, this::inRole);
  }

  // Within an HTTP request the web container answers from its own role mapping. SecurityContext
  // first looks up an EJB context by JNDI, which outside an EJB throws and catches a
  // NamingException at every question: 4 % of a similar-claims lookup's CPU.
  private boolean inRole(Role role) {
    return origin
        .current()
        .map(request -> request.isUserInRole(role.name()))
        .orElseGet(() -> security.isCallerInRole(role.name()));
  }

  /** Refuses (and logs) the call unless the caller holds at least one of the roles. */
  public void require(Role... anyOf) {
    if (!authenticated() || Arrays.stream(anyOf).noneMatch(this::has)) {
      throw refuse(Message.of("refusal.needsRole", roles(anyOf)));
    }
  }

  /** Refuses (and logs) the call unless the caller is the owner or holds the role. */
  public void requireSelfOr(String owner, Role role) {
    if (!authenticated() || !(username().equals(owner) || has(role))) {
      throw refuse(Message.of("refusal.selfOrRole", owner, Message.named("refusal.role", role)));
    }
  }

  /**
   * Logs and records the refusal in a transaction of its own (the refused request's own transaction
   * rolls back) and returns the exception to throw.
   */
  public AccessDenied refuse(Message why) {
    return refuse(origin.path().orElse("(no request)"), why);
  }

  /** As {@link #refuse(Message)}, for a resource other than the request's own path. */
  public AccessDenied refuse(String what, Message why) {
    LOG.warning(() -> "Refused access: " + username() + " to " + what + ": " + why.english());
    audit.recordAlone(Change.about("access.refused", "resource", what).because(why.english()));
    return new AccessDenied(why);
  }

  /** "FACT_CHECKER or SUPERVISOR" in English (the codes API clients know), words in German. */
  private static Message roles(Role... roles) {
    Message named = Message.named("refusal.role", roles[roles.length - 1]);
    for (int i = roles.length - 2; i >= 0; i--) {
      named = Message.of("words.or", Message.named("refusal.role", roles[i]), named);
    }
    return named;
  }
}
