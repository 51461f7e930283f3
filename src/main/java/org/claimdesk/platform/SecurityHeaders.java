package org.claimdesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers for every response. Applied by the authentication mechanism, which runs before
 * any filter and so also covers 401 answers and login redirects. Scripts are governed by the nonce
 * policy PrimeFaces adds in CSP mode (web.xml); this policy closes everything else.
 */
public final class SecurityHeaders {
  static final String POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
          + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  public static void apply(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
      // pages and API answers are personal: after sign-out the back button must not show them
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
