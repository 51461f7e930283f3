package org.claimdesk.verdict.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.claimdesk.casework.Case;
import org.claimdesk.casework.CaseAction;
import org.claimdesk.casework.CaseStatus;
import org.claimdesk.casework.Casework;
import org.claimdesk.casework.Workflow;
import org.claimdesk.casework.web.CasePage;
import org.claimdesk.identity.Caller;
import org.claimdesk.identity.Role;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.web.Feedback;
import org.claimdesk.verdict.Correction;
import org.claimdesk.verdict.CorrectionKind;
import org.claimdesk.verdict.Rating;
import org.claimdesk.verdict.RatingScale;
import org.claimdesk.verdict.RatingScales;
import org.claimdesk.verdict.ReviewEntry;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.verdict.VerdictVersion;
import org.claimdesk.verdict.Verdicts;

/**
 * The verdict section of the case page: the verdict as it stands, the form that proposes or revises
 * it, the workflow steps the viewer may take now, the blind cross-check, inline comments, the
 * review history and the versions with what changed. The services decide; this only asks.
 */
@Named
@ViewScoped
public class VerdictPanel implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject Verdicts verdicts;
  @Inject RatingScales scales;
  @Inject Casework casework;
  @Inject CasePage casePage;
  @Inject Settings settings;
  @Inject Caller caller;

  private Shown shown;
  // the verdict form
  private String rating;
  private String claimReviewed;
  private String conclusion;
  private String explanation;
  // a workflow step
  private String comment;
  private CorrectionKind correction;
  // the blind cross-check
  private String crossRating;
  private String rationale;
  // an inline comment
  private String passage;
  private String remark;

  /** A label of the scale the form offers. */
  public record Choice(String code, String label) implements Serializable {}

  /**
   * One text of the verdict with what changed since the one before; the first one's text as it was
   * proposed.
   */
  public record Version(
      int number,
      String rating,
      String conclusion,
      String writtenBy,
      Instant writtenAt,
      String changes)
      implements Serializable {}

  /** An entry of the review history as the page lists it. */
  public record Entry(
      String kind, String author, Instant at, int round, String rating, String passage, String body)
      implements Serializable {}

  /** Everything the section shows, read once per view. */
  public record Shown(
      long caseId,
      long caseVersion,
      String status,
      boolean exists,
      Long verdictVersion,
      String rating,
      String ratingCode,
      boolean ratingHidden,
      String claimReviewed,
      String conclusion,
      String explanation,
      int revision,
      String writers,
      String approvals,
      String publicUrl,
      boolean writable,
      boolean crossCheck,
      List<String> actions,
      boolean fourEyes,
      boolean republishing,
      List<Choice> choices,
      List<Entry> entries,
      List<Version> versions,
      List<Correction> corrections)
      implements Serializable {}

  public Shown getShown() {
    if (shown == null && casePage.getShown() != null) {
      Feedback.attempt(() -> shown = read(casePage.getShown().id()), null);
    }
    return shown;
  }

  /** The explanation as paragraphs, every cited label a link to its item in the evidence list. */
  public List<String> getExplanationParagraphs() {
    Shown s = getShown();
    return s == null ? List.of() : CitationLinks.paragraphs(s.explanation(), "evidence-");
  }

  private Shown read(long caseId) {
    Case c = casework.find(caseId);
    Verdict v = verdicts.of(caseId).orElse(null);
    Set<CaseAction> possible = verdicts.possible(c, v);
    RatingScale scale = v == null ? currentScale() : v.scale();
    String language = c.claim().language();
    List<Choice> choices =
        scale == null
            ? List.of()
            : scale.ratings().stream().map(r -> new Choice(r.code(), label(r, language))).toList();
    boolean visible = v == null || verdicts.ratingVisible(v);
    boolean writable =
        Workflow.verdictOpen(c.status())
            && (caller.has(Role.SUPERVISOR) || c.assignees().contains(caller.username()));
    if (rating == null) {
      rating = v == null ? null : v.rating().code();
      claimReviewed = v == null ? c.claim().statement() : v.claimReviewed();
      conclusion = v == null ? null : v.conclusion();
      explanation = v == null ? null : v.explanation();
    }
    Verdicts.Approvals approvals = v == null ? null : verdicts.approvals(v);
    return new Shown(
        caseId,
        c.version(),
        c.status().name(),
        v != null,
        v == null ? null : v.version(),
        v == null || !visible ? null : label(v.rating(), language),
        v == null || !visible ? null : v.rating().code(),
        !visible,
        v == null ? null : v.claimReviewed(),
        v == null ? null : v.conclusion(),
        v == null ? null : v.explanation(),
        v == null ? 0 : v.revision(),
        v == null ? "" : String.join(", ", v.writers()),
        approvals == null
            ? ""
            : Feedback.text(
                "verdict.approvals",
                approvals.by().size(),
                approvals.quorum(),
                String.join(", ", approvals.by())),
        v == null || v.slug().isEmpty()
            ? null
            : settings.publicUrl() + "factchecks/" + v.slug().get(),
        writable,
        possible.contains(CaseAction.CROSS_CHECK),
        possible.stream()
            .filter(a -> a != CaseAction.CROSS_CHECK)
            .sorted()
            .map(CaseAction::wireName)
            .toList(),
        // tells a supervisor who wrote the verdict why there is no approve button
        v != null
            && c.status() == CaseStatus.IN_REVIEW
            && caller.has(Role.SUPERVISOR)
            && v.writtenBy(caller.username()),
        v != null && v.publishedRevision().isPresent(),
        choices,
        verdicts.reviewEntries(caseId).stream().map(e -> entry(e, scale, language)).toList(),
        versions(verdicts.versions(caseId), visible, language),
        verdicts.corrections(caseId));
  }

  private RatingScale currentScale() {
    return Feedback.attemptGet(scales::current, null);
  }

  private static String label(Rating r, String language) {
    return r.label(language);
  }

  private static Entry entry(ReviewEntry e, RatingScale scale, String language) {
    return new Entry(
        e.kind().name(),
        e.author(),
        e.writtenAt(),
        e.round(),
        e.rating().flatMap(scale::rating).map(r -> label(r, language)).orElse(null),
        e.passage().orElse(null),
        e.body().orElse(null));
  }

  private static List<Version> versions(
      List<VerdictVersion> all, boolean ratingVisible, String language) {
    List<Version> shown = new ArrayList<>();
    VerdictVersion previous = null;
    for (VerdictVersion v : all) {
      shown.add(
          new Version(
              v.number(),
              ratingVisible ? label(v.rating(), language) : null,
              v.conclusion(),
              v.writtenBy(),
              v.writtenAt(),
              WordDiff.html(previous == null ? text(v) : text(previous), text(v))));
      previous = v;
    }
    Collections.reverse(shown);
    return shown;
  }

  private static String text(VerdictVersion v) {
    return v.claimReviewed() + "\n\n" + v.conclusion() + "\n\n" + v.explanation();
  }

  /** Proposes the verdict, or revises it; input stays in the form when refused. */
  public String propose() {
    Feedback.showIn("verdict");
    Shown s = getShown();
    Verdict saved =
        Feedback.attemptSave(
            () ->
                verdicts.propose(
                    s.caseId(),
                    s.verdictVersion(),
                    new Verdict.Text(rating, claimReviewed, conclusion, explanation)),
            () -> Feedback.text("verdict.changedMeanwhile"),
            s.exists() ? "verdict.revised" : "verdict.proposed");
    return saved == null ? refreshed() : again();
  }

  /** Takes a workflow step named by its REST name ("submit", "approve", …). */
  public String take(String action) {
    Feedback.showIn("verdict");
    Shown s = getShown();
    boolean done =
        Feedback.attempt(
            () ->
                verdicts.move(
                    s.caseId(),
                    s.caseVersion(),
                    CaseAction.ofWireName(action),
                    comment,
                    correction),
            "verdict.step." + action);
    return done ? again() : refreshed();
  }

  public String crossCheck() {
    Feedback.showIn("verdict");
    Shown s = getShown();
    boolean done =
        Feedback.attempt(
            () -> verdicts.crossCheck(s.caseId(), s.caseVersion(), crossRating, rationale),
            "verdict.crossChecked");
    return done ? again() : refreshed();
  }

  public String writeComment() {
    Feedback.showIn("verdict");
    Shown s = getShown();
    boolean done =
        Feedback.attempt(() -> verdicts.comment(s.caseId(), passage, remark), "verdict.commented");
    return done ? again() : refreshed();
  }

  /** After a refusal: the section shows the case as it is now, the form keeps what was typed. */
  private String refreshed() {
    shown = null;
    return null;
  }

  /**
   * After a step: the case page again, scrolled to this section, whose messages show the outcome. A
   * navigation outcome cannot carry the "#verdict" (it would end up in the id), so redirect.
   */
  private String again() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setRedirect(true);
    try {
      external.redirect(
          external.getRequestContextPath() + "/cases/view.xhtml?id=" + shown.caseId() + "#verdict");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
    return null;
  }

  public CorrectionKind[] getCorrectionKinds() {
    return CorrectionKind.values();
  }

  public String getRating() {
    return rating;
  }

  public void setRating(String rating) {
    this.rating = rating;
  }

  public String getClaimReviewed() {
    return claimReviewed;
  }

  public void setClaimReviewed(String claimReviewed) {
    this.claimReviewed = claimReviewed;
  }

  public String getConclusion() {
    return conclusion;
  }

  public void setConclusion(String conclusion) {
    this.conclusion = conclusion;
  }

  public String getExplanation() {
    return explanation;
  }

  public void setExplanation(String explanation) {
    this.explanation = explanation;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public CorrectionKind getCorrection() {
    return correction;
  }

  public void setCorrection(CorrectionKind correction) {
    this.correction = correction;
  }

  public String getCrossRating() {
    return crossRating;
  }

  public void setCrossRating(String crossRating) {
    this.crossRating = crossRating;
  }

  public String getRationale() {
    return rationale;
  }

  public void setRationale(String rationale) {
    this.rationale = rationale;
  }

  public String getPassage() {
    return passage;
  }

  public void setPassage(String passage) {
    this.passage = passage;
  }

  public String getRemark() {
    return remark;
  }

  public void setRemark(String remark) {
    this.remark = remark;
  }
}
