package org.claimdesk.casework.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.claimdesk.casework.CaseQueue;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.web.Feedback;

/**
 * The queues ({@code cases/index.xhtml?queue=mine|team|overdue|all&before=…}): bookmarkable, one
 * page of 50 at a time, the next page by key.
 */
@Named
@RequestScoped
public class CasesPage {
  static final int PAGE = 50;

  @Inject CaseQueue queue;
  @Inject Caller caller;

  private String name = "mine";
  private Long before;
  private List<CasePage.View> cases = List.of();
  private Long next;

  /** Called by f:viewAction once the parameters are set. */
  public void load() {
    CaseQueue.Filter filter =
        switch (name) {
          case "team" -> new CaseQueue.Filter(null, true, null, null, null);
          case "overdue" -> new CaseQueue.Filter(null, null, true, null, null);
          case "all" -> CaseQueue.Filter.ALL;
          default -> {
            name = "mine";
            yield new CaseQueue.Filter(caller.username(), null, null, null, null);
          }
        };
    var page = Feedback.attemptGet(() -> queue.newestFirst(filter, before, PAGE), null);
    if (page != null) {
      cases = page.stream().map(CasePage.View::of).toList();
      next = page.size() == PAGE ? page.get(page.size() - 1).id() : null;
    }
  }

  public String getQueue() {
    return name;
  }

  public void setQueue(String queue) {
    this.name = queue == null ? "mine" : queue;
  }

  public Long getBefore() {
    return before;
  }

  public void setBefore(Long before) {
    this.before = before;
  }

  public List<CasePage.View> getCases() {
    return cases;
  }

  public Long getNext() {
    return next;
  }
}
