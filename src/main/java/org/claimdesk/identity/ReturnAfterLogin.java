package org.claimdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Where a person wanted to go before the login page: only local paths, never another site. */
public final class ReturnAfterLogin {
  static final String SESSION_KEY = "claimdesk.return-to";
  static final String HOME = "/index.xhtml";

  private ReturnAfterLogin() {}

  static void remember(HttpServletRequest request, String path) {
    request.getSession(true).setAttribute(SESSION_KEY, path);
  }

  /** The remembered path (and forgets it), or the dashboard. */
  public static String take(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object path = session == null ? null : session.getAttribute(SESSION_KEY);
    if (session != null) {
      session.removeAttribute(SESSION_KEY);
    }
    if (path instanceof String p
        && p.startsWith("/")
        && !p.startsWith("//")
        && !p.startsWith("/login.xhtml")
        && !p.startsWith("/jakarta.faces.resource")) {
      return p;
    }
    return HOME;
  }
}
