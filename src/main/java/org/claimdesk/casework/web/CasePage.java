package org.claimdesk.casework.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.Casework;
import org.claimdesk.casework.Priority;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.web.Conflicts;
import org.claimdesk.platform.web.Feedback;

/**
 * One case ({@code cases/view.xhtml?id=…}), or the form that opens one for a claim ({@code
 * ?claim=…}). The services decide who may do what; the page only offers it.
 */
@Named
@ViewScoped
public class CasePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Casework casework;
  @Inject ClaimRegister claims;
  @Inject Accounts accounts;

  private Long id;
  private Long claimId;
  private View shown;
  private String claimStatement;
  // the form, for opening and for changing a case
  private String title;
  private Priority priority = Priority.NORMAL;
  private LocalDate dueOn;
  private String selectionReason;
  private String tags;
  private List<String> assignees = new ArrayList<>();
  private List<String> assignable = List.of();
  private boolean mayWork;

  /** The case as the page shows it. */
  public record View(
      long id,
      long version,
      long claimId,
      String claim,
      String title,
      String status,
      String priority,
      LocalDate dueOn,
      boolean overdue,
      String selectionReason,
      List<String> tags,
      List<String> assignees,
      java.time.Instant openedAt,
      String openedBy,
      List<Quoted> appearances)
      implements Serializable {
    /** What a person edits, labelled by message key, to say what somebody else changed. */
    Map<String, Object> fields() {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("case.title", title);
      fields.put("case.priority", Feedback.text("case.priority." + priority));
      fields.put("case.dueOn", dueOn);
      fields.put("case.selectionReason", selectionReason);
      fields.put("case.tags", String.join(", ", tags));
      fields.put("case.assignees", people());
      return fields;
    }

    /** The assignees as the page writes them: "lena, jonas". */
    public String people() {
      return String.join(", ", assignees);
    }

    static View of(Case c) {
      return new View(
          c.id(),
          c.version(),
          c.claim().id(),
          c.claim().statement(),
          c.title(),
          c.status().name(),
          c.priority().name(),
          c.dueOn().orElse(null),
          c.overdue(LocalDate.now()),
          c.selectionReason(),
          List.copyOf(new TreeSet<>(c.tags())),
          List.copyOf(new TreeSet<>(c.assignees())),
          c.openedAt(),
          c.openedBy(),
          c.claim().appearances().stream()
              .map(
                  a ->
                      new Quoted(
                          a.article().id(),
                          a.article().title(),
                          a.article().outlet().orElse(null),
                          a.quote()))
              .toList());
    }
  }

  /** Where the claim appears: the article and the exact words. */
  public record Quoted(long articleId, String article, String outlet, String quote)
      implements Serializable {}

  /** Called by f:viewAction once the parameters are set. */
  public void load() {
    if (id != null) {
      Feedback.attempt(() -> show(casework.find(id)), null);
    } else if (claimId != null) {
      Feedback.attempt(
          () -> {
            Optional<Case> open = casework.openFor(claimId);
            if (open.isPresent()) {
              show(open.get());
              id = open.get().id();
            } else {
              Claim claim = claims.find(claimId);
              claimStatement = claim.statement();
              title = claim.statement();
            }
          },
          null);
    }
  }

  private void show(Case c) {
    shown = View.of(c);
    mayWork = casework.mayWork(c.id());
    claimStatement = shown.claim();
    title = c.title();
    priority = c.priority();
    dueOn = c.dueOn().orElse(null);
    selectionReason = c.selectionReason();
    tags = String.join(", ", shown.tags());
    assignees = new ArrayList<>(shown.assignees());
  }

  public String open() {
    return Feedback.attemptGet(
        () -> {
          Case c =
              casework.open(
                  claimId,
                  new Casework.Brief(
                      title, priority, Optional.ofNullable(dueOn), selectionReason, tagSet()));
          return "/cases/view?faces-redirect=true&id=" + c.id();
        },
        "case.opened");
  }

  /**
   * Saves the form. When somebody else saved the case first, the page shows what they changed and
   * keeps this person's input; saving again then applies it over theirs.
   */
  public String save() {
    View seen = shown;
    return Feedback.attemptSave(
        () -> {
          casework.describe(
              seen.id(),
              seen.version(),
              new Casework.Brief(
                  title, priority, Optional.ofNullable(dueOn), selectionReason, tagSet()));
          return again();
        },
        () -> {
          shown = View.of(casework.find(seen.id()));
          takeUntouched(seen, shown);
          return Conflicts.whatChanged(seen.fields(), shown.fields());
        },
        "case.saved");
  }

  /** Fields this person left as they were show what the other person saved; the rest stays. */
  private void takeUntouched(View seen, View now) {
    if (Objects.equals(title, seen.title())) {
      title = now.title();
    }
    if (priority.name().equals(seen.priority())) {
      priority = Priority.valueOf(now.priority());
    }
    if (Objects.equals(dueOn, seen.dueOn())) {
      dueOn = now.dueOn();
    }
    if (Objects.equals(selectionReason, seen.selectionReason())) {
      selectionReason = now.selectionReason();
    }
    if (tagSet().equals(new TreeSet<>(seen.tags()))) {
      tags = String.join(", ", now.tags());
    }
  }

  public String assign() {
    return Feedback.attemptGet(
        () -> {
          casework.assign(shown.id(), shown.version(), assignees);
          return again();
        },
        "case.saved");
  }

  public String take() {
    return Feedback.attemptGet(
        () -> {
          casework.take(shown.id(), shown.version());
          return again();
        },
        "case.saved");
  }

  /** Assignable people, loaded only for supervisors (the service refuses everybody else). */
  public List<String> getAssignable() {
    if (assignable.isEmpty()) {
      List<String> people =
          Feedback.attemptGet(
              () -> accounts.activeWith(EnumSet.of(Role.FACT_CHECKER, Role.SUPERVISOR)), null);
      assignable = people == null ? List.of() : people;
    }
    return assignable;
  }

  private String again() {
    return "/cases/view?faces-redirect=true&id=" + shown.id();
  }

  private Set<String> tagSet() {
    Set<String> set = new TreeSet<>();
    if (tags != null) {
      Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(set::add);
    }
    return set;
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  /** Whether this person may change the case and its evidence (the forms show only then). */
  public boolean isMayWork() {
    return mayWork;
  }

  public View getShown() {
    return shown;
  }

  public String getClaimStatement() {
    return claimStatement;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getClaim() {
    return claimId;
  }

  public void setClaim(Long claim) {
    this.claimId = claim;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public void setDueOn(LocalDate dueOn) {
    this.dueOn = dueOn;
  }

  public String getSelectionReason() {
    return selectionReason;
  }

  public void setSelectionReason(String selectionReason) {
    this.selectionReason = selectionReason;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public List<String> getAssignees() {
    return assignees;
  }

  public void setAssignees(List<String> assignees) {
    this.assignees = assignees;
  }
}
