package org.claimdesk.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.ReturnAfterLogin;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.web.Feedback;

/** The login page: hands the credentials to the authentication mechanism. */
@Named
@RequestScoped
public class LoginPage {
  @Inject SecurityContext security;
  @Inject Settings settings;
  @Inject Caller caller;

  private String username;
  private String password;

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.strip(), password == null ? "" : password))
                .newAuthentication(true));
    caller.forget();
    password = null;
    switch (status) {
      case SUCCESS ->
          external.redirect(external.getRequestContextPath() + ReturnAfterLogin.take(request));
      case SEND_CONTINUE -> faces.responseComplete();
      default -> Feedback.error(Feedback.text("login.failed"));
    }
  }

  public boolean isDemo() {
    return settings.demo();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
