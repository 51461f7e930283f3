package org.claimdesk.casework;

import java.util.Set;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Message;

/**
 * Every rule of the verdict workflow, in one place: which action leads from which state to which,
 * who may ask for it, and what it needs. It knows nothing of the database; the verdict service
 * describes the case and the person asking and follows the {@link Move} it gets back. Four-eyes is
 * decided here and nowhere else, and no role or setting skips it.
 */
public final class Workflow {

  /** What the rules need to know about the case. */
  public record Situation(
      CaseStatus status,
      boolean proposed,
      int approvalsMissing,
      boolean crossCheckPending,
      boolean publishedBefore) {}

  /**
   * Who asks. {@code wroteVerdict}: proposed it or changed its text or rating at any time. {@code
   * approvedThisRound}: already approved the version under review.
   */
  public record Actor(
      Set<Role> roles, boolean onCase, boolean wroteVerdict, boolean approvedThisRound) {}

  /**
   * What they ask for: the action, its comment (reason, rationale or correction note), whether a
   * correction note was typed (correction or update), and for a cross-check whether the blind
   * rating agrees with the proposal.
   */
  public record Request(
      CaseAction action, String comment, boolean correctionTyped, boolean ratingsAgree) {
    public static Request of(CaseAction action, String comment) {
      return new Request(action, comment, false, false);
    }
  }

  /** The answer: either a move to follow, or why not. */
  public sealed interface Decision permits Move, Refusal {}

  /** An allowed step. Only the workflow makes them, so a case changes state only by its rules. */
  public static final class Move implements Decision {
    private final CaseStatus from;
    private final CaseStatus to;
    private final CaseAction action;

    private Move(CaseStatus from, CaseStatus to, CaseAction action) {
      this.from = from;
      this.to = to;
      this.action = action;
    }

    public CaseStatus from() {
      return from;
    }

    public CaseStatus to() {
      return to;
    }

    public CaseAction action() {
      return action;
    }

    @Override
    public String toString() {
      return from + " -" + action.wireName() + "-> " + to;
    }
  }

  /** Why a request is refused, and how: the service turns the kind into 409, 403 or 400. */
  public record Refusal(Kind kind, Message why) implements Decision {
    public enum Kind {
      /** The action does not apply in this state, or the case is not ready for it. */
      ILLEGAL,
      /** This person may not do it. */
      FORBIDDEN,
      /** A required comment or note is missing. */
      INCOMPLETE
    }
  }

  private Workflow() {}

  public static Decision decide(Situation s, Actor who, Request r) {
    CaseStatus from = s.status();
    boolean supervisor = who.roles().contains(Role.SUPERVISOR);
    boolean desk = supervisor || (who.roles().contains(Role.FACT_CHECKER) && who.onCase());
    return switch (r.action()) {
      case START_RESEARCH ->
          from != CaseStatus.NEW
              ? illegal(r, from)
              : !desk
                  ? forbidden("refusal.workflow.startResearch")
                  : move(s, CaseStatus.IN_RESEARCH, r);
      case SUBMIT -> {
        if (from != CaseStatus.IN_RESEARCH && from != CaseStatus.IN_CORRECTION) {
          yield illegal(r, from);
        }
        if (!desk) {
          yield forbidden("refusal.workflow.submit");
        }
        if (!s.proposed()) {
          yield refused("refusal.workflow.proposeFirst");
        }
        yield move(s, CaseStatus.IN_REVIEW, r);
      }
      case APPROVE -> {
        if (from != CaseStatus.IN_REVIEW) {
          yield illegal(r, from);
        }
        if (!supervisor) {
          yield forbidden("refusal.workflow.approve");
        }
        if (who.wroteVerdict()) {
          yield forbidden("refusal.workflow.fourEyes");
        }
        if (who.approvedThisRound()) {
          yield refused("refusal.workflow.approvedAlready");
        }
        if (s.crossCheckPending()) {
          yield refused("refusal.workflow.crossCheckMissing");
        }
        yield move(s, s.approvalsMissing() > 1 ? CaseStatus.IN_REVIEW : CaseStatus.APPROVED, r);
      }
      case REQUEST_CHANGES ->
          from != CaseStatus.IN_REVIEW
              ? illegal(r, from)
              : !supervisor
                  ? forbidden("refusal.workflow.sendBack")
                  : blank(r.comment())
                      ? incomplete("refusal.workflow.sayWhatToChange")
                      : move(s, CaseStatus.IN_RESEARCH, r);
      case CROSS_CHECK -> {
        if (from != CaseStatus.IN_REVIEW || !s.crossCheckPending()) {
          yield refused("refusal.workflow.noCrossCheck");
        }
        if (!who.roles().contains(Role.FACT_CHECKER) || who.wroteVerdict()) {
          yield forbidden("refusal.workflow.crossCheckWho");
        }
        yield blank(r.comment())
            ? incomplete("refusal.workflow.reasons")
            : move(s, r.ratingsAgree() ? CaseStatus.IN_REVIEW : CaseStatus.IN_RESEARCH, r);
      }
      case DISMISS ->
          from != CaseStatus.NEW && from != CaseStatus.IN_RESEARCH
              ? illegal(r, from)
              : !supervisor
                  ? forbidden("refusal.workflow.dismiss")
                  : blank(r.comment())
                      ? incomplete("refusal.workflow.whyDismiss")
                      : move(s, CaseStatus.DISMISSED, r);
      case REOPEN ->
          from != CaseStatus.DISMISSED
              ? illegal(r, from)
              : !supervisor
                  ? forbidden("refusal.workflow.reopen")
                  : blank(r.comment())
                      ? incomplete("refusal.workflow.whyReopen")
                      : move(s, CaseStatus.NEW, r);
      case PUBLISH -> {
        if (from != CaseStatus.APPROVED) {
          yield illegal(r, from);
        }
        if (!supervisor) {
          yield forbidden("refusal.workflow.publish");
        }
        if (s.publishedBefore() && (blank(r.comment()) || !r.correctionTyped())) {
          yield incomplete("refusal.workflow.republishNote");
        }
        yield move(s, CaseStatus.PUBLISHED, r);
      }
      case CORRECT ->
          from != CaseStatus.PUBLISHED
              ? illegal(r, from)
              : !supervisor
                  ? forbidden("refusal.workflow.correct")
                  : blank(r.comment())
                      ? incomplete("refusal.workflow.sayWhatToCorrect")
                      : move(s, CaseStatus.IN_CORRECTION, r);
    };
  }

  /** Whether the verdict's text and rating may change: in research and in correction only. */
  public static boolean verdictOpen(CaseStatus status) {
    return status == CaseStatus.IN_RESEARCH || status == CaseStatus.IN_CORRECTION;
  }

  private static Move move(Situation s, CaseStatus to, Request r) {
    return new Move(s.status(), to, r.action());
  }

  private static Refusal illegal(Request r, CaseStatus from) {
    return new Refusal(
        Refusal.Kind.ILLEGAL,
        Message.of(
            "refusal.workflow.illegal",
            Message.of("verdict.action." + r.action().wireName()),
            Message.named("case.status", from),
            r.action().wireName(),
            from.name()));
  }

  private static Refusal refused(String why) {
    return new Refusal(Refusal.Kind.ILLEGAL, Message.of(why));
  }

  private static Refusal forbidden(String why) {
    return new Refusal(Refusal.Kind.FORBIDDEN, Message.of(why));
  }

  private static Refusal incomplete(String why) {
    return new Refusal(Refusal.Kind.INCOMPLETE, Message.of(why));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
