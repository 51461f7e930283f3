package org.claimdesk.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.Message;

/**
 * Records a page the container refused: web.xml security constraints answer 403 before any of our
 * code runs, so the access-denied page is the first place that sees it.
 */
@Named
@RequestScoped
public class RefusedAccessLog {
  @Inject Caller caller;

  public void record() {
    Object uri =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get("jakarta.servlet.error.request_uri");
    if (uri != null) {
      caller.refuse(String.valueOf(uri), Message.of("refusal.pageNeedsRole"));
    }
  }
}
