package org.claimdesk.identity;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Forgets a session in the registry when it times out or is invalidated. */
@WebListener
public class SessionEndListener implements HttpSessionListener {
  @Inject SessionRegistry registry;

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    if (event.getSession().getAttribute(SignedInCaller.SESSION_KEY)
        instanceof SignedInCaller caller) {
      registry.ended(caller.username(), event.getSession());
    }
  }
}
