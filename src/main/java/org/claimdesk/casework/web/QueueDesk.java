package org.claimdesk.casework.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.casework.CaseQueue;
import org.claimdesk.casework.Casework;
import org.claimdesk.casework.Priority;
import org.claimdesk.casework.Workload;
import org.claimdesk.platform.web.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The desk's work on the queue page: the team queue's claims without a case (a lazy table, each
 * with "open case"), and putting someone on a case from any row in two clicks, choosing among the
 * people with their open and overdue load. The services decide who may; after a change the page
 * reloads its own URL, so the lists show what the database holds.
 */
@Named
@ViewScoped
public class QueueDesk implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String AGAIN = "/cases/index?faces-redirect=true&includeViewParams=true";

  @Inject CaseQueue queue;
  @Inject Casework casework;
  @Inject Workload workload;

  private CaseQueue.Count counted;

  // the open-case dialog
  private CaseQueue.Unopened claim;
  private String reason;
  private Priority priority = Priority.NORMAL;

  // the assign dialog: the case chosen and the people, each with their load when it opened
  private CasePage.View chosen;
  private List<Workload.Assignee> people = List.of();

  private final LazyDataModel<CaseQueue.Unopened> claims =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          if (counted == null) {
            counted = queue.countUnopened();
          }
          return counted.rows();
        }

        @Override
        public List<CaseQueue.Unopened> load(
            int offset,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return queue.unopened(null, offset, pageSize);
        }

        @Override
        public String getRowKey(CaseQueue.Unopened c) {
          return String.valueOf(c.claimId());
        }
      };

  /** "12 claims" without a case. */
  public String getClaimCountText() {
    return Feedback.text("desk.claims", claims.count(Map.of()));
  }

  /** First click on a claim's row: the dialog asks why it is worth checking. */
  public void chooseClaim(CaseQueue.Unopened row) {
    claim = row;
    reason = null;
    priority = Priority.NORMAL;
  }

  /** Opens the case through the service, which requires the reason and audits the opening. */
  public String openCase() {
    if (claim == null) {
      return null;
    }
    long claimId = claim.claimId();
    return Feedback.attempt(
            () ->
                casework.open(
                    claimId,
                    new Casework.Brief(null, priority, Optional.empty(), reason, Set.of())),
            "desk.caseOpened",
            claim.statement())
        ? AGAIN
        : null;
  }

  /**
   * First click on a case's row: the case as it is now (its id comes with the click, so a row needs
   * no component of its own) and the people to choose from, with their load now.
   */
  public void chooseCase() {
    String id =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .getOrDefault("case", "");
    chosen =
        id.matches("\\d{1,18}")
            ? Feedback.attemptGet(() -> CasePage.View.of(casework.find(Long.parseLong(id))), null)
            : null;
    people = chosen == null ? null : Feedback.attemptGet(workload::assignees, null);
    if (people == null) {
      people = List.of();
    }
  }

  /** Second click: puts the person on the case (beside anyone already on it). */
  public String assignTo(String username) {
    if (chosen == null) {
      return null;
    }
    Set<String> next = new TreeSet<>(chosen.assignees());
    next.add(username);
    String name =
        people.stream()
            .filter(p -> p.username().equals(username))
            .map(Workload.Assignee::name)
            .findFirst()
            .orElse(username);
    long caseId = chosen.id();
    Feedback.attempt(
        () -> casework.assign(caseId, chosen.version(), next), "desk.assigned", caseId, name);
    // also after a refusal: the list then shows who works the case now
    return AGAIN;
  }

  /** "3 open, 1 overdue", in the viewer's language. */
  public String loadOf(Workload.Assignee person) {
    return Feedback.text("desk.load", person.open(), person.overdue());
  }

  /** Whether the person already works the chosen case. */
  public boolean works(Workload.Assignee person) {
    return chosen != null && chosen.assignees().contains(person.username());
  }

  public LazyDataModel<CaseQueue.Unopened> getClaims() {
    return claims;
  }

  public CaseQueue.Unopened getClaim() {
    return claim;
  }

  public CasePage.View getChosen() {
    return chosen;
  }

  public List<Workload.Assignee> getPeople() {
    return people;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }
}
