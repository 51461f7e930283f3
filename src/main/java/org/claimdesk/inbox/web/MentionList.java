package org.claimdesk.inbox.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.claimdesk.inbox.Inbox;
import org.claimdesk.inbox.InboxEntry;
import org.claimdesk.inbox.InboxItem;
import org.claimdesk.platform.web.Feedback;

/** "Mentions" on My cases: the newest notes that name the caller; the inbox has all of them. */
@Named
@RequestScoped
public class MentionList {
  static final int SHOWN = 5;

  @Inject Inbox inbox;

  private List<InboxItem> items;

  public List<InboxItem> getItems() {
    if (items == null) {
      List<InboxItem> found =
          Feedback.attemptGet(() -> inbox.newestOf(InboxEntry.Kind.MENTION, SHOWN), null);
      items = found == null ? List.of() : found;
    }
    return items;
  }
}
