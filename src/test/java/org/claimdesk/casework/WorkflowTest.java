package org.claimdesk.casework;

import static org.claimdesk.casework.CaseAction.*;
import static org.claimdesk.casework.CaseStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimdesk.casework.Workflow.Actor;
import org.claimdesk.casework.Workflow.Decision;
import org.claimdesk.casework.Workflow.Move;
import org.claimdesk.casework.Workflow.Refusal;
import org.claimdesk.casework.Workflow.Request;
import org.claimdesk.casework.Workflow.Situation;
import org.claimdesk.identity.Role;
import org.junit.jupiter.api.Test;

/**
 * The whole transition matrix: every state × every action × every kind of person, against the table
 * below, written out independently of {@link Workflow}. Pairs not in the table are refused as
 * illegal (409); a listed pair asked by someone else is forbidden (403).
 */
class WorkflowTest {

  /** The people a request can come from. */
  enum Person {
    CHECKER_OFF_CASE(Set.of(Role.FACT_CHECKER), false, false),
    CHECKER_ON_CASE(Set.of(Role.FACT_CHECKER), true, false),
    CHECKER_WHO_WROTE(Set.of(Role.FACT_CHECKER), true, true),
    SUPERVISOR(Set.of(Role.SUPERVISOR), false, false),
    SUPERVISOR_WHO_WROTE(Set.of(Role.SUPERVISOR), false, true),
    ADMIN(Set.of(Role.ADMIN), false, false),
    ADMIN_SUPERVISOR_WHO_WROTE(Set.of(Role.ADMIN, Role.SUPERVISOR), true, true),
    AUDITOR(Set.of(Role.AUDITOR), false, false),
    EVERY_ROLE_WHO_WROTE(EnumSet.allOf(Role.class), true, true);

    final Actor actor;

    Person(Set<Role> roles, boolean onCase, boolean wrote) {
      this.actor = new Actor(roles, onCase, wrote, false);
    }
  }

  private static final Set<Person> DESK =
      EnumSet.of(
          Person.CHECKER_ON_CASE,
          Person.CHECKER_WHO_WROTE,
          Person.SUPERVISOR,
          Person.SUPERVISOR_WHO_WROTE,
          Person.ADMIN_SUPERVISOR_WHO_WROTE,
          Person.EVERY_ROLE_WHO_WROTE);
  private static final Set<Person> SUPERVISORS =
      EnumSet.of(
          Person.SUPERVISOR,
          Person.SUPERVISOR_WHO_WROTE,
          Person.ADMIN_SUPERVISOR_WHO_WROTE,
          Person.EVERY_ROLE_WHO_WROTE);

  record Allowed(CaseStatus to, Set<Person> who) {}

  /** The specification: (state, action) → where it leads and who may. */
  private static final Map<CaseStatus, Map<CaseAction, Allowed>> TABLE =
      Map.of(
          NEW,
          Map.of(
              START_RESEARCH, new Allowed(IN_RESEARCH, DESK),
              DISMISS, new Allowed(DISMISSED, SUPERVISORS)),
          IN_RESEARCH,
          Map.of(
              SUBMIT, new Allowed(IN_REVIEW, DESK),
              DISMISS, new Allowed(DISMISSED, SUPERVISORS)),
          IN_REVIEW,
          Map.of(
              APPROVE, new Allowed(APPROVED, EnumSet.of(Person.SUPERVISOR)),
              REQUEST_CHANGES, new Allowed(IN_RESEARCH, SUPERVISORS)),
          APPROVED,
          Map.of(PUBLISH, new Allowed(PUBLISHED, SUPERVISORS)),
          PUBLISHED,
          Map.of(CORRECT, new Allowed(IN_CORRECTION, SUPERVISORS)),
          IN_CORRECTION,
          Map.of(SUBMIT, new Allowed(IN_REVIEW, DESK)),
          DISMISSED,
          Map.of(REOPEN, new Allowed(NEW, SUPERVISORS)));

  private static Situation ready(CaseStatus status) {
    return new Situation(status, true, 1, false, false);
  }

  @Test
  void everyStateEveryActionEveryPerson() {
    int checked = 0;
    for (CaseStatus status : CaseStatus.values()) {
      for (CaseAction action : CaseAction.values()) {
        for (Person person : Person.values()) {
          Decision d =
              Workflow.decide(
                  ready(status), person.actor, new Request(action, "a reason", false, true));
          Allowed allowed = TABLE.getOrDefault(status, Map.of()).get(action);
          String what = status + " × " + action + " × " + person + " → " + d;
          if (allowed == null) {
            assertEquals(
                Refusal.Kind.ILLEGAL, assertInstanceOf(Refusal.class, d, what).kind(), what);
          } else if (allowed.who().contains(person)) {
            Move m = assertInstanceOf(Move.class, d, what);
            assertEquals(status, m.from(), what);
            assertEquals(allowed.to(), m.to(), what);
            assertEquals(action, m.action(), what);
          } else {
            assertEquals(
                Refusal.Kind.FORBIDDEN, assertInstanceOf(Refusal.class, d, what).kind(), what);
          }
          checked++;
        }
      }
    }
    assertEquals(7 * 9 * 9, checked);
  }

  @Test
  void fourEyesHoldsForEveryRoleCombinationThatWrote() {
    for (Set<Role> roles : allRoleSets()) {
      Decision d =
          Workflow.decide(
              ready(IN_REVIEW), new Actor(roles, true, true, false), Request.of(APPROVE, null));
      assertInstanceOf(Refusal.class, d, roles + " wrote the verdict and approved it: " + d);
      assertEquals(Refusal.Kind.FORBIDDEN, ((Refusal) d).kind());
    }
  }

  @Test
  void quorumKeepsTheCaseInReviewUntilTheLastApproval() {
    Actor supervisor = Person.SUPERVISOR.actor;
    Move first =
        (Move)
            Workflow.decide(
                new Situation(IN_REVIEW, true, 2, false, false),
                supervisor,
                Request.of(APPROVE, null));
    assertEquals(IN_REVIEW, first.to());
    Move last =
        (Move)
            Workflow.decide(
                new Situation(IN_REVIEW, true, 1, false, false),
                supervisor,
                Request.of(APPROVE, null));
    assertEquals(APPROVED, last.to());
    Decision twice =
        Workflow.decide(
            new Situation(IN_REVIEW, true, 1, false, false),
            new Actor(Set.of(Role.SUPERVISOR), false, false, true),
            Request.of(APPROVE, null));
    assertEquals(Refusal.Kind.ILLEGAL, ((Refusal) twice).kind(), "one person counts once");
  }

  @Test
  void blindCrossCheckComesBeforeApprovalAndSendsBackOnDisagreement() {
    Situation pending = new Situation(IN_REVIEW, true, 1, true, false);
    Decision approve = Workflow.decide(pending, Person.SUPERVISOR.actor, Request.of(APPROVE, null));
    assertEquals(Refusal.Kind.ILLEGAL, ((Refusal) approve).kind());

    Move agree =
        (Move)
            Workflow.decide(
                pending,
                Person.CHECKER_OFF_CASE.actor,
                new Request(CROSS_CHECK, "why", false, true));
    assertEquals(IN_REVIEW, agree.to());
    Move differ =
        (Move)
            Workflow.decide(
                pending,
                Person.CHECKER_OFF_CASE.actor,
                new Request(CROSS_CHECK, "why", false, false));
    assertEquals(IN_RESEARCH, differ.to());

    for (Person p :
        List.of(
            Person.CHECKER_WHO_WROTE,
            Person.SUPERVISOR,
            Person.ADMIN,
            Person.AUDITOR,
            Person.EVERY_ROLE_WHO_WROTE)) {
      Decision d = Workflow.decide(pending, p.actor, new Request(CROSS_CHECK, "why", false, true));
      assertEquals(Refusal.Kind.FORBIDDEN, ((Refusal) d).kind(), p + ": " + d);
    }
    Decision noReasons =
        Workflow.decide(
            pending, Person.CHECKER_OFF_CASE.actor, new Request(CROSS_CHECK, " ", false, true));
    assertEquals(Refusal.Kind.INCOMPLETE, ((Refusal) noReasons).kind());
  }

  @Test
  void reasonsAreRequiredWhereTheIssueSaysSo() {
    Actor supervisor = Person.SUPERVISOR.actor;
    for (var c :
        List.of(
            Map.entry(IN_REVIEW, REQUEST_CHANGES),
            Map.entry(NEW, DISMISS),
            Map.entry(IN_RESEARCH, DISMISS),
            Map.entry(DISMISSED, REOPEN),
            Map.entry(PUBLISHED, CORRECT))) {
      for (String blank : new String[] {null, "", "   "}) {
        Decision d =
            Workflow.decide(ready(c.getKey()), supervisor, Request.of(c.getValue(), blank));
        assertEquals(Refusal.Kind.INCOMPLETE, ((Refusal) d).kind(), c + " with '" + blank + "'");
      }
    }
  }

  @Test
  void submittingNeedsAProposal() {
    Decision d =
        Workflow.decide(
            new Situation(IN_RESEARCH, false, 1, false, false),
            Person.CHECKER_ON_CASE.actor,
            Request.of(SUBMIT, null));
    assertEquals(Refusal.Kind.ILLEGAL, ((Refusal) d).kind());
    assertTrue(((Refusal) d).why().english().contains("evidence"), d.toString());
  }

  @Test
  void republishingNeedsATypedPublicNote() {
    Situation again = new Situation(APPROVED, true, 1, false, true);
    Actor supervisor = Person.SUPERVISOR.actor;
    assertEquals(
        Refusal.Kind.INCOMPLETE,
        ((Refusal) Workflow.decide(again, supervisor, new Request(PUBLISH, "note", false, false)))
            .kind());
    assertEquals(
        Refusal.Kind.INCOMPLETE,
        ((Refusal) Workflow.decide(again, supervisor, new Request(PUBLISH, " ", true, false)))
            .kind());
    assertEquals(
        PUBLISHED,
        ((Move) Workflow.decide(again, supervisor, new Request(PUBLISH, "note", true, false)))
            .to());
    assertEquals(
        PUBLISHED,
        ((Move) Workflow.decide(ready(APPROVED), supervisor, Request.of(PUBLISH, null))).to(),
        "the first publication needs no note");
  }

  @Test
  void theVerdictIsWrittenOnlyInResearchAndCorrection() {
    for (CaseStatus s : CaseStatus.values()) {
      assertEquals(s == IN_RESEARCH || s == IN_CORRECTION, Workflow.verdictOpen(s), s.name());
    }
  }

  private static List<Set<Role>> allRoleSets() {
    Role[] roles = Role.values();
    List<Set<Role>> sets = new java.util.ArrayList<>();
    for (int mask = 1; mask < 1 << roles.length; mask++) {
      Set<Role> set = EnumSet.noneOf(Role.class);
      for (int i = 0; i < roles.length; i++) {
        if ((mask & 1 << i) != 0) {
          set.add(roles[i]);
        }
      }
      sets.add(set);
    }
    return sets;
  }
}
