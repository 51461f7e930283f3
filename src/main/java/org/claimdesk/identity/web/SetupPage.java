package org.claimdesk.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.claimdesk.identity.FirstAccounts;
import org.claimdesk.platform.web.Feedback;

/** The one-time setup page that creates the first administrator outside demo mode. */
@Named
@RequestScoped
public class SetupPage {
  @Inject FirstAccounts firstAccounts;

  private String token;
  private String username;
  private String displayName;
  private String password;
  private boolean done;

  public boolean isPending() {
    return firstAccounts.setupPending();
  }

  public void create() {
    done =
        Feedback.attempt(
            () -> firstAccounts.createFirstAdministrator(token, username, displayName, password),
            "setup.done");
    password = null;
  }

  public boolean isDone() {
    return done;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
