package org.claimdesk.inbox.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.claimdesk.identity.Caller;
import org.claimdesk.inbox.Inbox;

/** The unread count in the header, counted once per request (one indexed COUNT). */
@Named
@RequestScoped
public class InboxBadge {
  @Inject Inbox inbox;
  @Inject Caller caller;

  private Long unread;

  public long getUnread() {
    if (unread == null) {
      // a page shown to nobody signed in has no inbox, and asking would record a refusal
      unread = caller.authenticated() ? inbox.unreadCount() : 0L;
    }
    return unread;
  }
}
