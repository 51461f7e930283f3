package org.claimdesk.casework;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.claim.Claim;
import org.claimdesk.platform.InvalidInput;

/**
 * The work on one claim: why it is worth checking, how urgent it is, who works it, where it stands
 * in the verdict workflow. A claim has one case for good (a dismissed case can be taken back, a
 * published one corrected); the database keeps that rule too ({@code open_claim_id} is unique).
 */
@Entity
@Table(name = "fact_case")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Case.openForClaim", query = "SELECT c FROM Case c WHERE c.openClaimId = :claim")
@NamedQuery(
    name = "Case.openClaimIds",
    query = "SELECT c.openClaimId FROM Case c WHERE c.openClaimId IS NOT NULL")
@NamedQuery(
    name = "Case.tallyByStatus",
    query =
        "SELECT c.status, COUNT(c), SUM(CASE WHEN c.dueOn < :today THEN 1 ELSE 0 END)"
            + " FROM Case c GROUP BY c.status")
@NamedQuery(
    name = "Case.openPerAssignee",
    query =
        "SELECT a, COUNT(c), SUM(CASE WHEN c.dueOn < :today THEN 1 ELSE 0 END)"
            + " FROM Case c JOIN c.assignees a WHERE c.status NOT IN :done GROUP BY a")
public class Case implements Audited, java.io.Serializable {
  static final int LONGEST_TITLE = 300;
  static final int LONGEST_REASON = 2000;
  static final int MOST_TAGS = 20;

  @Id
  @SequenceGenerator(name = "fact_case_seq", sequenceName = "fact_case_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fact_case_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "claim_id")
  private Claim claim;

  @Column(name = "open_claim_id")
  private Long openClaimId;

  @Column(nullable = false, length = LONGEST_TITLE)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CaseStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Priority priority;

  // the queues sort by these (workflow order, urgency), not by the names: set with status, priority
  @Column(name = "status_rank", nullable = false)
  private short statusRank;

  @Column(name = "priority_rank", nullable = false)
  private short priorityRank;

  @Column(name = "due_on")
  private LocalDate dueOn;

  @Column(name = "selection_reason", nullable = false, length = LONGEST_REASON)
  private String selectionReason;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "opened_by", nullable = false, length = 64)
  private String openedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "case_tag", joinColumns = @JoinColumn(name = "case_id"))
  @Column(name = "tag", length = 50)
  private Set<String> tags = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "case_assignee", joinColumns = @JoinColumn(name = "case_id"))
  @Column(name = "username", length = 64)
  private Set<String> assignees = new TreeSet<>();

  protected Case() {}

  public Case(
      Claim claim,
      String title,
      Priority priority,
      LocalDate dueOn,
      String selectionReason,
      Collection<String> tags,
      String openedBy,
      Instant openedAt) {
    this.claim = Objects.requireNonNull(claim);
    this.openClaimId = claim.id();
    moveTo(CaseStatus.NEW);
    this.openedBy = Objects.requireNonNull(openedBy);
    this.openedAt = Objects.requireNonNull(openedAt);
    describe(
        title == null || title.isBlank() ? claim.statement() : title,
        priority,
        dueOn,
        selectionReason,
        tags);
  }

  /** Replaces what the case is about; the reason for checking the claim is required. */
  public void describe(
      String newTitle,
      Priority newPriority,
      LocalDate newDueOn,
      String newReason,
      Collection<String> newTags) {
    String t = newTitle == null ? "" : newTitle.strip().replaceAll("\\s+", " ");
    if (t.isEmpty()) {
      throw new InvalidInput("refusal.case.title");
    }
    this.title = t.length() <= LONGEST_TITLE ? t : t.substring(0, LONGEST_TITLE - 1) + "…";
    String reason = newReason == null ? "" : newReason.strip();
    if (reason.isEmpty()) {
      throw new InvalidInput("refusal.case.reason");
    }
    if (reason.length() > LONGEST_REASON) {
      throw new InvalidInput("refusal.case.reasonLength", LONGEST_REASON);
    }
    this.selectionReason = reason;
    this.priority = newPriority == null ? Priority.NORMAL : newPriority;
    this.priorityRank = (short) priority.ordinal();
    this.dueOn = newDueOn;
    Set<String> clean = new TreeSet<>();
    for (String tag : newTags == null ? Set.<String>of() : newTags) {
      String c = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
      if (c.length() > 50) {
        throw new InvalidInput("refusal.case.tagLength", 50, c);
      }
      if (!c.isEmpty()) {
        clean.add(c);
      }
    }
    if (clean.size() > MOST_TAGS) {
      throw new InvalidInput("refusal.case.tags", MOST_TAGS);
    }
    if (!clean.equals(tags)) {
      tags.clear();
      tags.addAll(clean);
    }
  }

  /** Replaces who works the case. */
  public void assign(Collection<String> usernames) {
    Set<String> next = new TreeSet<>(usernames);
    if (!next.equals(assignees)) {
      assignees.clear();
      assignees.addAll(next);
    }
  }

  /**
   * Takes a step of the verdict workflow. Only {@link Workflow} makes moves, so the status changes
   * by its rules alone; a move decided on an older state is refused.
   */
  public void follow(Workflow.Move move) {
    if (move.from() != status) {
      throw new org.claimdesk.platform.Conflict(
          "Case " + id + " is " + status + " now, no longer " + move.from() + ".");
    }
    moveTo(move.to());
  }

  private void moveTo(CaseStatus next) {
    status = next;
    statusRank = (short) next.ordinal();
  }

  public Long id() {
    return id;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "case";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public Claim claim() {
    return claim;
  }

  public String title() {
    return title;
  }

  public CaseStatus status() {
    return status;
  }

  public Priority priority() {
    return priority;
  }

  public Optional<LocalDate> dueOn() {
    return Optional.ofNullable(dueOn);
  }

  public boolean overdue(LocalDate today) {
    return status.open() && dueOn != null && dueOn.isBefore(today);
  }

  public String selectionReason() {
    return selectionReason;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public String openedBy() {
    return openedBy;
  }

  public Set<String> tags() {
    return Set.copyOf(tags);
  }

  public Set<String> assignees() {
    return Set.copyOf(assignees);
  }
}
