package org.claimdesk.verdict;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditTrail;
import org.claimdesk.audit.Change;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseAction;
import org.claimdesk.casework.CaseMoved;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Casework;
import org.claimdesk.casework.Workflow;
import org.claimdesk.evidence.CaseEvidence;
import org.claimdesk.evidence.Evidence;
import org.claimdesk.identity.Accounts;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Sha256;

/**
 * Writes verdicts and takes cases through review to publication. Every request is decided by {@link
 * Workflow} with the case's situation and the caller's part in it, for the UI and the REST API
 * alike; every step is audited with its reason and tells the people it concerns.
 */
@ApplicationScoped
@Transactional
public class Verdicts {
  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail audit;
  @Inject Casework casework;
  @Inject CaseEvidence evidence;
  @Inject RatingScales scales;
  @Inject ReviewPolicies policies;
  @Inject Accounts accounts;
  @Inject Event<CaseMoved> moved;
  @Inject FactChecks factChecks;

  /** The verdict of a case, if one was proposed. */
  public Optional<Verdict> of(long caseId) {
    casework.find(caseId);
    return verdictOf(caseId);
  }

  /** Every text the verdict had, oldest first. */
  public List<VerdictVersion> versions(long caseId) {
    return of(caseId)
        .map(
            v ->
                em.createNamedQuery("VerdictVersion.ofVerdict", VerdictVersion.class)
                    .setParameter("verdict", v.id())
                    .getResultList())
        .orElse(List.of());
  }

  /** Approvals, cross-checks, comments and send-backs, oldest first. */
  public List<ReviewEntry> reviewEntries(long caseId) {
    return of(caseId)
        .map(
            v ->
                em.createNamedQuery("ReviewEntry.ofVerdict", ReviewEntry.class)
                    .setParameter("verdict", v.id())
                    .getResultList())
        .orElse(List.of());
  }

  /** The correction log, oldest first. */
  public List<Correction> corrections(long caseId) {
    return of(caseId)
        .map(
            v ->
                em.createNamedQuery("Correction.ofVerdict", Correction.class)
                    .setParameter("verdict", v.id())
                    .getResultList())
        .orElse(List.of());
  }

  /**
   * Proposes the case's verdict or revises it ({@code expectedVersion} of the verdict then). The
   * explanation cites at least one of the case's evidence items, and only existing ones.
   */
  public Verdict propose(long caseId, Long expectedVersion, Verdict.Text text) {
    Case c = casework.workable(caseId);
    if (!Workflow.verdictOpen(c.status())) {
      throw new Conflict(
          "refusal.verdict.notOpen", caseId, Message.named("case.status", c.status()));
    }
    List<String> cited = checkedCitations(caseId, text.explanation());
    Instant now = clock.instant();
    Optional<Verdict> existing = verdictOf(caseId);
    if (existing.isEmpty()) {
      Verdict v = new Verdict(c, scales.current(), text, caller.username());
      em.persist(v);
      em.persist(new VerdictVersion(v, cited, caller.username(), now));
      audit.record(
          Change.of("verdict.proposed", v)
              .inCase(caseId)
              .set("scale", v.scale().name() + " " + v.scale().number())
              .set("rating", v.rating().code())
              .set("claimReviewed", v.claimReviewed())
              .set("conclusion", v.conclusion())
              .set("explanation", v.explanation())
              .set("cited", String.join(", ", cited)));
      return v;
    }
    Verdict v = existing.get();
    if (expectedVersion == null) {
      throw new InvalidInput("refusal.verdict.sendVersion", caseId);
    }
    v.requireVersion(expectedVersion);
    String rating = v.rating().code();
    String reviewed = v.claimReviewed();
    String conclusion = v.conclusion();
    String explanation = v.explanation();
    if (v.revise(text, caller.username())) {
      em.persist(new VerdictVersion(v, cited, caller.username(), now));
      audit.record(
          Change.of("verdict.revised", v)
              .inCase(caseId)
              .set("revision", v.revision())
              .field("rating", rating, v.rating().code())
              .field("claimReviewed", reviewed, v.claimReviewed())
              .field("conclusion", conclusion, v.conclusion())
              .field("explanation", explanation, v.explanation()));
    }
    return v;
  }

  private List<String> checkedCitations(long caseId, String explanation) {
    Set<String> labels =
        evidence.of(caseId).stream().map(Evidence::label).collect(Collectors.toSet());
    if (labels.isEmpty()) {
      throw new Conflict("refusal.verdict.noEvidence");
    }
    List<String> cited = Citations.in(explanation);
    if (cited.isEmpty()) {
      throw new InvalidInput("refusal.verdict.cite");
    }
    List<String> unknown = cited.stream().filter(l -> !labels.contains(l)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInput("refusal.verdict.unknownEvidence", String.join(", ", unknown));
    }
    return cited;
  }

  /**
   * Takes a step of the workflow. {@code comment} is the reason (send back, dismiss, reopen,
   * correct), an approval's remark, or the public note of a republication, whose kind is {@code
   * correction}.
   */
  public Case move(
      long caseId,
      long expectedVersion,
      CaseAction action,
      String comment,
      CorrectionKind correction) {
    if (action == CaseAction.CROSS_CHECK) {
      throw new InvalidInput("refusal.verdict.useCrossCheck");
    }
    caller.require(Role.values());
    // steps of one case run one after the other: each approval counts those before it
    Case c = casework.locked(caseId);
    c.requireVersion(expectedVersion);
    Verdict v = verdictOf(caseId).orElse(null);
    String note = comment == null ? null : comment.strip();
    Workflow.Move m =
        allowed(
            c,
            Workflow.decide(
                situation(c, v),
                actingNow(c, v),
                new Workflow.Request(action, note, correction != null, false)));
    Instant now = clock.instant();
    Set<String> told = new TreeSet<>(c.assignees());
    Change step =
        Change.of("case." + action.wireName(), c)
            .inCase(caseId)
            .field("status", m.from().name(), m.to().name());
    switch (action) {
      case SUBMIT -> {
        v.submitted();
        // recorded before the next query, which flushes the verdict
        audit.record(
            Change.of("verdict.submitted", v)
                .inCase(caseId)
                .set("round", v.reviewRound())
                .set("revision", v.revision()));
        told.addAll(accounts.activeSupervisors());
        told.removeAll(v.writers());
      }
      case APPROVE -> {
        em.persist(
            new ReviewEntry(
                v, ReviewEntry.Kind.APPROVAL, caller.username(), now, null, null, note));
        step.set("round", v.reviewRound()).set("revision", v.revision());
        if (m.to() == CaseStatus.APPROVED) {
          // what the approvers saw is what the public will read, whatever changes later
          String slug = v.plannedSlug().orElseGet(() -> Slugs.of(v.claimReviewed(), caseId));
          Snapshot frozen = factChecks.freeze(v, version(v, v.revision()), slug);
          v.approved(slug, frozen);
          audit.record(
              Change.of("verdict.approved", v)
                  .inCase(caseId)
                  .set("revision", v.revision())
                  .set("snapshot", Sha256.hex(frozen.toJson())));
        }
        told.addAll(v.writers());
      }
      case REQUEST_CHANGES -> {
        em.persist(
            new ReviewEntry(
                v, ReviewEntry.Kind.SENT_BACK, caller.username(), now, null, null, note));
        told.addAll(v.writers());
      }
      case PUBLISH -> {
        Optional<Integer> before = v.publishedRevision();
        int number =
            em.createNamedQuery("Publication.ofVerdict", Publication.class)
                    .setParameter("verdict", v.id())
                    .getResultList()
                    .size()
                + 1;
        Publication p = v.publish(number, caller.username(), now);
        em.persist(p);
        Change published =
            Change.of("verdict.published", v)
                .inCase(caseId)
                .set("slug", v.slug().orElseThrow())
                .set("revision", v.revision())
                .set("publication", number)
                .set("snapshot", p.sha256());
        if (before.isPresent()) {
          em.persist(new Correction(v, correction, note, before.get(), caller.username(), now));
          published.set("correction", correction.name()).set("note", note);
        }
        audit.record(published);
        told.addAll(v.writers());
      }
      default -> {}
    }
    c.follow(m);
    audit.record(note == null || note.isEmpty() ? step : step.because(note));
    moved.fire(
        new CaseMoved(
            caseId,
            action,
            m.from(),
            m.to(),
            caller.username(),
            told,
            note == null || note.isEmpty() ? null : note));
    return c;
  }

  /**
   * A second fact-checker's blind rating of a case in review. If it differs from the proposal, the
   * case goes back to research with both ratings and reasons.
   */
  public Case crossCheck(long caseId, long expectedVersion, String ratingCode, String rationale) {
    caller.require(Role.values());
    Case c = casework.locked(caseId);
    c.requireVersion(expectedVersion);
    Verdict v = verdictOf(caseId).orElse(null);
    if (v == null) {
      throw new Conflict("refusal.verdict.nothingToCrossCheck", caseId);
    }
    Rating blind = v.scale().require(ratingCode == null ? "" : ratingCode.strip());
    boolean agrees = blind.code().equals(v.rating().code());
    String reasons = rationale == null ? null : rationale.strip();
    Workflow.Move m =
        allowed(
            c,
            Workflow.decide(
                situation(c, v),
                actingNow(c, v),
                new Workflow.Request(CaseAction.CROSS_CHECK, reasons, false, agrees)));
    Instant now = clock.instant();
    em.persist(
        new ReviewEntry(
            v, ReviewEntry.Kind.CROSS_CHECK, caller.username(), now, blind.code(), null, reasons));
    Set<String> told = new TreeSet<>(c.assignees());
    told.addAll(v.writers());
    if (!agrees) {
      em.persist(
          new ReviewEntry(
              v,
              ReviewEntry.Kind.SENT_BACK,
              caller.username(),
              now,
              null,
              null,
              "Blind cross-check: "
                  + blind.labelEn()
                  + " instead of "
                  + v.rating().labelEn()
                  + ". "
                  + reasons));
    }
    c.follow(m);
    audit.record(
        Change.of("case.cross-checked", c)
            .inCase(caseId)
            .field("status", m.from().name(), m.to().name())
            .set("rating", blind.code())
            .set("agrees", agrees)
            .because(reasons));
    moved.fire(
        new CaseMoved(
            caseId,
            CaseAction.CROSS_CHECK,
            m.from(),
            m.to(),
            caller.username(),
            told,
            reasons == null || reasons.isEmpty() ? null : reasons));
    return c;
  }

  /** An inline review comment on words of the current conclusion or explanation. */
  public ReviewEntry comment(long caseId, String passage, String body) {
    caller.require(Role.values());
    Case c = casework.find(caseId);
    Verdict v = verdictOf(caseId).orElseThrow(() -> new Conflict("refusal.verdict.none"));
    boolean reviewer = caller.has(Role.SUPERVISOR);
    boolean onCase = caller.has(Role.FACT_CHECKER) && c.assignees().contains(caller.username());
    if (!reviewer && !onCase) {
      throw caller.refuse("case " + caseId, Message.of("refusal.verdict.whoComments"));
    }
    String p = passage == null ? "" : passage.strip();
    if (!p.isEmpty() && !v.conclusion().contains(p) && !v.explanation().contains(p)) {
      throw new InvalidInput("refusal.verdict.passage");
    }
    if (body == null || body.isBlank()) {
      throw new InvalidInput("refusal.verdict.emptyComment");
    }
    ReviewEntry e =
        new ReviewEntry(
            v,
            ReviewEntry.Kind.COMMENT,
            caller.username(),
            clock.instant(),
            null,
            p.isEmpty() ? null : ReviewEntry.limited(p, 1000, "refusal.verdict.aPassage"),
            body);
    em.persist(e);
    audit.record(
        Change.about("verdict.commented", "verdict", String.valueOf(v.id()))
            .inCase(caseId)
            .set("revision", v.revision())
            .set("passage", e.passage().orElse(null))
            .set("comment", e.body().orElse(null)));
    return e;
  }

  /**
   * Whether the caller may see the proposed rating: not while a blind cross-check is pending,
   * unless they wrote the verdict.
   */
  public boolean ratingVisible(Verdict v) {
    return !crossCheckPending(v) || v.writtenBy(caller.username());
  }

  /** What the caller may do now, for the buttons of the case page. */
  public Set<CaseAction> possible(Case c, Verdict v) {
    Set<CaseAction> actions = new HashSet<>();
    Workflow.Situation s = situation(c, v);
    Workflow.Actor a = actor(c, v);
    for (CaseAction action : CaseAction.values()) {
      // with a comment and a typed note: the page asks for them
      Workflow.Decision d = Workflow.decide(s, a, new Workflow.Request(action, "…", true, true));
      if (d instanceof Workflow.Move) {
        actions.add(action);
      }
    }
    return actions;
  }

  /** Approvals so far in the current round, and how many the policy wants. */
  public record Approvals(List<String> by, int quorum) {}

  public Approvals approvals(Verdict v) {
    return new Approvals(approvers(v), policies.current().quorum());
  }

  Workflow.Situation situation(Case c, Verdict v) {
    int missing = 0;
    boolean pending = false;
    if (v != null && c.status() == CaseStatus.IN_REVIEW) {
      missing = Math.max(0, policies.current().quorum() - approvers(v).size());
      pending = crossCheckPending(v);
    }
    return new Workflow.Situation(
        c.status(), v != null, missing, pending, v != null && v.publishedRevision().isPresent());
  }

  private Workflow.Actor actor(Case c, Verdict v) {
    return actor(c, v, Set.of(Role.values()));
  }

  /**
   * The actor of a step, with only the roles their account holds now. The request's roles date from
   * the sign-in (or the token's check); the account is read under a lock held until the step
   * commits, so an approval at the moment an administrator takes the supervisor role, or disables
   * the person, goes before that change or is refused after it.
   */
  private Workflow.Actor actingNow(Case c, Verdict v) {
    return actor(c, v, accounts.activeRolesHeld(caller.username()).orElse(Set.of()));
  }

  private Workflow.Actor actor(Case c, Verdict v, Set<Role> held) {
    String me = caller.username();
    Set<Role> roles =
        Arrays.stream(Role.values())
            .filter(held::contains)
            .filter(caller::has)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    return new Workflow.Actor(
        roles,
        c.assignees().contains(me),
        v != null && v.writtenBy(me),
        v != null && approvers(v).contains(me));
  }

  private boolean crossCheckPending(Verdict v) {
    return v.caseOf().status() == CaseStatus.IN_REVIEW
        && policies.current().blindCrossCheck()
        && roundEntries(v, ReviewEntry.Kind.CROSS_CHECK).isEmpty();
  }

  private List<String> approvers(Verdict v) {
    return roundEntries(v, ReviewEntry.Kind.APPROVAL).stream()
        .map(ReviewEntry::author)
        .distinct()
        .toList();
  }

  private List<ReviewEntry> roundEntries(Verdict v, ReviewEntry.Kind kind) {
    if (v.id() == null) {
      return List.of();
    }
    return em.createNamedQuery("ReviewEntry.ofVerdict", ReviewEntry.class)
        .setParameter("verdict", v.id())
        .getResultStream()
        .filter(e -> e.kind() == kind && e.round() == v.reviewRound())
        .toList();
  }

  private Workflow.Move allowed(Case c, Workflow.Decision d) {
    if (d instanceof Workflow.Move m) {
      return m;
    }
    Workflow.Refusal r = (Workflow.Refusal) d;
    throw switch (r.kind()) {
      case FORBIDDEN -> caller.refuse("case " + c.id(), r.why());
      case ILLEGAL -> new Conflict(r.why());
      case INCOMPLETE -> new InvalidInput(r.why());
    };
  }

  VerdictVersion version(Verdict v, int number) {
    return em.createNamedQuery("VerdictVersion.number", VerdictVersion.class)
        .setParameter("verdict", v.id())
        .setParameter("number", number)
        .getSingleResult();
  }

  private Optional<Verdict> verdictOf(long caseId) {
    return em.createNamedQuery("Verdict.ofCase", Verdict.class)
        .setParameter("case", caseId)
        .getResultStream()
        .findFirst();
  }
}
