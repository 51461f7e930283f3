package org.claimdesk.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;

/** The signed-in person as the page header shows them, and signing out. */
@Named("me")
@RequestScoped
public class CurrentUser {
  @Inject Caller caller;

  private boolean has(Role role) {
    return caller.has(role);
  }

  public String getUsername() {
    return caller.username();
  }

  public boolean isSignedIn() {
    return caller.authenticated();
  }

  public boolean isAdmin() {
    return has(Role.ADMIN);
  }

  /**
   * Fact-checkers and supervisors import articles and capture claims; the pages show them the
   * buttons for it (the services refuse everybody else anyway).
   */
  public boolean isChecker() {
    return has(Role.FACT_CHECKER) || has(Role.SUPERVISOR);
  }

  /** Supervisors assign cases. */
  public boolean isSupervisor() {
    return has(Role.SUPERVISOR);
  }

  public boolean isAuditor() {
    return has(Role.AUDITOR);
  }

  public List<Role> getRoles() {
    return Arrays.stream(Role.values()).filter(this::has).toList();
  }

  public void logout() throws IOException, ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    caller.forget();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
