package org.claimdesk.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.claimdesk.identity.Caller;

/**
 * Logs a page the container refused (web.xml security constraints answer 403 before any of our code
 * runs; the access-denied page is the first place that sees it).
 */
@Named
@RequestScoped
public class RefusedAccessLog {
  private static final Logger LOG = Logger.getLogger(RefusedAccessLog.class.getName());

  @Inject Caller caller;

  public void record() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Object uri = external.getRequestMap().get("jakarta.servlet.error.request_uri");
    if (uri != null) {
      String address =
          ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRemoteAddr();
      LOG.warning(() -> "Refused access: " + caller.username() + " from " + address + " to " + uri);
    }
  }
}
