package org.claimdesk.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimRegister;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.NotFound;

/**
 * Opens cases and decides who works them. Supervisors assign; a fact-checker may take a case nobody
 * works yet; the people on a case and supervisors may change it. Every change is audited and
 * carries the case id, so a case's timeline reads as one story.
 */
@ApplicationScoped
@Transactional
public class Casework {
  static final Role[] DESK = {Role.FACT_CHECKER, Role.SUPERVISOR};

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject ClaimRegister claims;
  @Inject Accounts accounts;
  @Inject Event<CaseChanged> changed;
  @Inject Event<CaseAssigned> assigned;

  /**
   * What a case is about. For a change, a null field means "leave as it is"; {@code dueOn} is null
   * to leave it, empty to clear it.
   */
  public record Brief(
      String title,
      Priority priority,
      Optional<LocalDate> dueOn,
      String selectionReason,
      Set<String> tags) {}

  public Case open(long claimId, Brief brief) {
    caller.require(DESK);
    Claim claim = claims.find(claimId);
    openFor(claimId)
        .ifPresent(
            existing -> {
              throw new Duplicate(
                  Message.of("refusal.case.openAlready", claimId, existing.id()),
                  "/api/cases/" + existing.id());
            });
    Case c =
        new Case(
            claim,
            brief.title(),
            brief.priority(),
            brief.dueOn() == null ? null : brief.dueOn().orElse(null),
            brief.selectionReason(),
            brief.tags(),
            caller.username(),
            clock.instant());
    em.persist(c);
    audit.record(
        Change.of("case.opened", c)
            .inCase(c.id())
            .set("claim", claimId)
            .set("title", c.title())
            .set("priority", c.priority().name())
            .set("dueOn", c.dueOn())
            .set("selectionReason", c.selectionReason())
            .set("tags", String.join(", ", c.tags())));
    changed.fire(new CaseChanged(c.id(), claimId));
    return c;
  }

  /** Supervisors put people on a case (or take them off): fact-checkers and supervisors only. */
  public Case assign(long caseId, long expectedVersion, Collection<String> usernames) {
    caller.require(Role.SUPERVISOR);
    Case c = current(caseId, expectedVersion);
    Set<String> next = new TreeSet<>();
    for (String username : usernames) {
      next.add(username == null ? "" : username.strip());
    }
    for (String u : next) { // in order of name: see activeRolesHeld
      Set<Role> roles =
          accounts
              .activeRolesHeld(u)
              .orElseThrow(() -> new InvalidInput("refusal.case.noActiveAccount", u));
      if (!roles.contains(Role.FACT_CHECKER) && !roles.contains(Role.SUPERVISOR)) {
        throw new InvalidInput("refusal.case.cannotWork", u);
      }
    }
    String before = String.join(", ", c.assignees());
    Set<String> added = new TreeSet<>(next);
    added.removeAll(c.assignees());
    c.assign(next);
    String after = String.join(", ", c.assignees());
    if (!before.equals(after)) {
      audit.record(Change.of("case.assigned", c).inCase(caseId).field("assignees", before, after));
      changed.fire(new CaseChanged(caseId, c.claim().id()));
      if (!added.isEmpty()) {
        assigned.fire(new CaseAssigned(caseId, added, caller.username()));
      }
    }
    return c;
  }

  /** A fact-checker takes a case that nobody works yet. */
  public Case take(long caseId, long expectedVersion) {
    caller.require(DESK);
    Case c = current(caseId, expectedVersion);
    if (!c.assignees().isEmpty()) {
      throw new org.claimdesk.platform.Conflict(
          "Case "
              + caseId
              + " is already worked by "
              + String.join(", ", c.assignees())
              + "; a supervisor can reassign it.");
    }
    c.assign(Set.of(caller.username()));
    audit.record(
        Change.of("case.taken", c).inCase(caseId).field("assignees", "", caller.username()));
    changed.fire(new CaseChanged(caseId, c.claim().id()));
    return c;
  }

  /**
   * Changes title, priority, due date, reason or tags; for the people on the case and supervisors.
   */
  public Case describe(long caseId, long expectedVersion, Brief brief) {
    Case c = workable(caseId);
    c.requireVersion(expectedVersion);
    String title = c.title();
    Priority priority = c.priority();
    LocalDate due = c.dueOn().orElse(null);
    String reason = c.selectionReason();
    String tags = String.join(", ", c.tags());
    c.describe(
        brief.title() == null ? title : brief.title(),
        brief.priority() == null ? priority : brief.priority(),
        brief.dueOn() == null ? due : brief.dueOn().orElse(null),
        brief.selectionReason() == null ? reason : brief.selectionReason(),
        brief.tags() == null ? c.tags() : brief.tags());
    Change change =
        Change.of("case.edited", c)
            .inCase(caseId)
            .field("title", title, c.title())
            .field("priority", priority.name(), c.priority().name())
            .field("dueOn", due, c.dueOn().orElse(null))
            .field("selectionReason", reason, c.selectionReason())
            .field("tags", tags, String.join(", ", c.tags()));
    if (!change.changedNothing()) {
      audit.record(change);
      changed.fire(new CaseChanged(caseId, c.claim().id()));
    }
    return c;
  }

  /**
   * The case, for a change by the caller: only the people working it and supervisors change a case
   * or its evidence.
   */
  public Case workable(long caseId) {
    caller.require(DESK);
    return forItsPeople(find(caseId));
  }

  /** {@link #workable}, with the case row locked as by {@link #locked}. */
  public Case workableLocked(long caseId) {
    caller.require(DESK);
    return forItsPeople(locked(caseId));
  }

  /**
   * Whether the caller may change the case and its evidence: supervisors and the people working it.
   * Pages ask it to offer only the forms a person may use; the services enforce it.
   */
  public boolean mayWork(long caseId) {
    return caller.has(Role.SUPERVISOR)
        || caller.has(Role.FACT_CHECKER) && find(caseId).assignees().contains(caller.username());
  }

  private Case forItsPeople(Case c) {
    if (!caller.has(Role.SUPERVISOR) && !c.assignees().contains(caller.username())) {
      throw caller.refuse("case " + c.id(), Message.of("refusal.case.notOnCase", c.id()));
    }
    return c;
  }

  public Case find(long caseId) {
    return load(caseId, LockModeType.NONE);
  }

  /**
   * The case, its row locked until the transaction ends; call it before anything else in the
   * transaction reads the case. Steps that count what the case already has (approvals towards the
   * quorum, the next evidence number) start here, so two at once run one after the other and the
   * second counts the first. A lock rather than a version step: a version step would refuse the
   * second of two valid approvals with a 409 and make that person try again.
   */
  public Case locked(long caseId) {
    return load(caseId, LockModeType.PESSIMISTIC_WRITE);
  }

  private Case load(long caseId, LockModeType lock) {
    caller.require(Role.values());
    Case c = em.find(Case.class, caseId, lock);
    if (c == null) {
      throw new NotFound("refusal.case.unknown", caseId);
    }
    return c;
  }

  /** The open case of a claim, if it has one. */
  public Optional<Case> openFor(long claimId) {
    caller.require(Role.values());
    return em.createNamedQuery("Case.openForClaim", Case.class)
        .setParameter("claim", claimId)
        .getResultStream()
        .findFirst();
  }

  private Case current(long caseId, long expectedVersion) {
    Case c = find(caseId);
    c.requireVersion(expectedVersion);
    return c;
  }
}
