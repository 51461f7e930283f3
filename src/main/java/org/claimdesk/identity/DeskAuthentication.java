package org.claimdesk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Problem;
import org.claimdesk.platform.RequestOrigin;
import org.claimdesk.platform.SecurityHeaders;
import org.claimdesk.platform.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a request proves who sent it. Browsers sign in on the login page and carry a session; API
 * clients send {@code Authorization: Bearer <token>}; HTTP Basic is accepted only to obtain a token
 * at {@code POST /api/tokens}. Anonymous requests to protected pages go to the login page, to
 * protected API paths they get 401 problem+json.
 */
@ApplicationScoped
public class DeskAuthentication implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(DeskAuthentication.class.getName());
  static final String LOGIN_PAGE = "/login.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject ApiTokens tokens;
  @Inject SessionRegistry sessions;
  @Inject AuditTrail audit;
  @Inject Settings settings;

  @Inject
  @ConfigProperty(name = "claimdesk.session.idle-minutes", defaultValue = "30")
  int idleMinutes;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/api/");
    SecurityHeaders.apply(request, response);
    RequestOrigin.assign(request, response);
    try {
      if (context.isAuthenticationRequest()
          && context.getAuthParameters().getCredential() != null) {
        return signIn(context.getAuthParameters().getCredential(), request, context);
      }
      String authorization = request.getHeader("Authorization");
      // public API paths such as /api/health ignore credentials, even stale ones
      if (api && authorization != null && context.isProtected()) {
        return fromAuthorizationHeader(authorization, path, request, response, context);
      }
      HttpSession session = request.getSession(false);
      if (session != null
          && session.getAttribute(SignedInCaller.SESSION_KEY) instanceof SignedInCaller caller) {
        if (api && SameOrigin.changes(request.getMethod())) {
          Optional<String> crossSite =
              SameOrigin.violation(request, List.of(settings.baseUrl(), settings.publicUrl()));
          if (crossSite.isPresent()) {
            return refuseCrossSite(caller, path, crossSite.get(), response);
          }
        }
        // known here too after a node change, so that ending this person's sessions reaches it
        sessions.signedIn(caller.username(), session);
        return context.notifyContainerAboutLogin(caller.username(), caller.roles());
      }
      if (context.isProtected()) {
        if (api) {
          return unauthorized(request, response, "problem.auth.signInFirst");
        }
        // only pages: a browser's own requests (favicon.ico, …) must not replace where the person
        // was going
        if ("GET".equals(request.getMethod()) && (path.endsWith(".xhtml") || "/".equals(path))) {
          String query = request.getQueryString();
          ReturnAfterLogin.remember(request, path + (query == null ? "" : "?" + query));
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
      }
      return context.doNothing();
    } catch (IOException e) {
      throw new IllegalStateException("Could not answer an unauthenticated request", e);
    }
  }

  /** The login page's sign-in: a new session id, and the caller remembered in the session. */
  private AuthenticationStatus signIn(
      Credential credential, HttpServletRequest request, HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      logFailedLogin(credential, request);
      return AuthenticationStatus.SEND_FAILURE;
    }
    HttpSession session = request.getSession(true);
    request.changeSessionId(); // no session fixation
    String username = result.getCallerPrincipal().getName();
    session.setAttribute(
        SignedInCaller.SESSION_KEY,
        new SignedInCaller(username, Set.copyOf(result.getCallerGroups())));
    session.setMaxInactiveInterval(idleMinutes * 60);
    sessions.signedIn(username, session);
    LOG.info(() -> "Login of " + username + " from " + request.getRemoteAddr());
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus fromAuthorizationHeader(
      String authorization,
      String path,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context)
      throws IOException {
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<ApiTokens.TokenLogin> login =
          tokens.authenticate(authorization.substring(7).strip());
      if (login.isEmpty()) {
        LOG.warning(() -> "Refused API token from " + request.getRemoteAddr() + " for " + path);
        audit.recordAlone(
            Change.about("login.token-refused", "api-token", null)
                .by(AuditTrail.ANONYMOUS, java.util.Set.of())
                .because("unknown, expired or revoked token at " + path));
        return unauthorized(request, response, "problem.auth.badToken");
      }
      return context.notifyContainerAboutLogin(
          login.get().username(),
          login.get().roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      if (!"/api/tokens".equals(path) || !"POST".equals(request.getMethod())) {
        return unauthorized(request, response, "problem.auth.basicOnlyForTokens");
      }
      Optional<UsernamePasswordCredential> credential =
          decodeBasic(authorization.substring(6).strip());
      if (credential.isEmpty()) {
        return unauthorized(request, response, "problem.auth.basicNotBase64");
      }
      CredentialValidationResult result = identityStores.validate(credential.get());
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        logFailedLogin(credential.get(), request);
        return unauthorized(request, response, "problem.auth.wrongCredentials");
      }
      return context.notifyContainerAboutLogin(result);
    }
    return unauthorized(request, response, "problem.auth.scheme");
  }

  /**
   * A change through the API with the session cookie from another origin: 403, recorded as {@code
   * access.refused} like every refusal (the caller is not signed in to the container yet, so not
   * through {@link Caller}).
   */
  private AuthenticationStatus refuseCrossSite(
      SignedInCaller caller, String path, String why, HttpServletResponse response)
      throws IOException {
    String reason = "cross-site write with the session refused: " + why;
    LOG.warning(() -> "Refused access: " + caller.username() + " to " + path + ": " + reason);
    audit.recordAlone(
        Change.about("access.refused", "resource", path)
            .by(caller.username(), caller.roles())
            .because(reason));
    new Problem(
            403,
            "Forbidden",
            "Changes through /api with the browser session are accepted only from ClaimDesk's own"
                + " pages, and this request is not ("
                + why
                + "). API clients send 'Authorization: Bearer <token>'.",
            null)
        .writeTo(response);
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
    try {
      String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 1
          ? Optional.empty()
          : Optional.of(
              new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static void logFailedLogin(Credential credential, HttpServletRequest request) {
    String who = credential instanceof UsernamePasswordCredential c ? c.getCaller() : "?";
    LOG.warning(() -> "Failed login for '" + who + "' from " + request.getRemoteAddr());
  }

  /** A 401 whose detail is in the caller's language (German when Accept-Language prefers it). */
  private static AuthenticationStatus unauthorized(
      HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
    String detail = Message.of(key).in(Message.readerOf(request.getHeader("Accept-Language")));
    response.setHeader("WWW-Authenticate", "Bearer realm=\"ClaimDesk\"");
    new Problem(401, "Unauthorized", detail, null).writeTo(response);
    return AuthenticationStatus.SEND_FAILURE;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInCaller.SESSION_KEY) instanceof SignedInCaller caller) {
      sessions.ended(caller.username(), session);
      session.removeAttribute(SignedInCaller.SESSION_KEY);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
