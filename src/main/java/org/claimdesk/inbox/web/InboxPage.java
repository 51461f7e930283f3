package org.claimdesk.inbox.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.claimdesk.inbox.Inbox;
import org.claimdesk.inbox.InboxItem;
import org.claimdesk.platform.web.Feedback;

/**
 * The inbox ({@code inbox/index.xhtml?unread=true&before=…}), newest first, 50 at a time. Opening a
 * case from an entry marks the entry read: following it is what reading it means.
 */
@Named
@ViewScoped
public class InboxPage implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int PAGE = 50;

  @Inject Inbox inbox;

  private boolean unread;
  private Long before;
  private List<InboxItem> items = List.of();
  private Long next;

  /** Called by f:viewAction once the parameters are set. */
  public void load() {
    List<InboxItem> page = Feedback.attemptGet(() -> inbox.newestFirst(unread, before, PAGE), null);
    if (page != null) {
      items = page;
      next = page.size() == PAGE ? page.get(page.size() - 1).id() : null;
    }
  }

  public String open(InboxItem item) {
    return Feedback.attempt(() -> inbox.markRead(item.id()), null)
        ? "/cases/view?faces-redirect=true&id=" + item.caseId()
        : null;
  }

  public String markRead(InboxItem item) {
    return Feedback.attempt(() -> inbox.markRead(item.id()), null) ? again() : null;
  }

  public String markAllRead() {
    Integer marked = Feedback.attemptGet(inbox::markAllRead, null);
    if (marked == null) {
      return null;
    }
    Feedback.info("inbox.allMarked", marked);
    return again();
  }

  private String again() {
    return "/inbox/index?faces-redirect=true" + (unread ? "&unread=true" : "");
  }

  public boolean isUnread() {
    return unread;
  }

  public void setUnread(boolean unread) {
    this.unread = unread;
  }

  public Long getBefore() {
    return before;
  }

  public void setBefore(Long before) {
    this.before = before;
  }

  public List<InboxItem> getItems() {
    return items;
  }

  public Long getNext() {
    return next;
  }
}
