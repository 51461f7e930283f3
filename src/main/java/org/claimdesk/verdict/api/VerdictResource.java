package org.claimdesk.verdict.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.claimdesk.casework.api.CasesResource.CaseView;
import org.claimdesk.platform.NotFound;
import org.claimdesk.verdict.Correction;
import org.claimdesk.verdict.ReviewEntry;
import org.claimdesk.verdict.Verdict;
import org.claimdesk.verdict.Verdicts;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A case's verdict over HTTP: propose and revise it, the blind cross-check, inline comments, its
 * versions and review history. Workflow steps: {@link TransitionsResource}.
 */
@Path("cases/{caseId}/verdict")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerdictResource {
  @Inject Verdicts verdicts;

  /**
   * The verdict as it stands. {@code rating} is null for someone who did not write it while a blind
   * cross-check is pending.
   */
  public record VerdictView(
      long id,
      long version,
      long caseId,
      String caseStatus,
      long caseVersion,
      String scale,
      int scaleVersion,
      String rating,
      String claimReviewed,
      String conclusion,
      String explanation,
      int revision,
      String proposedBy,
      List<String> writers,
      int reviewRound,
      List<String> approvedBy,
      int quorum,
      String slug,
      Integer publishedRevision,
      Instant firstPublishedAt,
      Instant lastPublishedAt,
      List<CorrectionView> corrections) {}

  public record VersionView(
      int number,
      String rating,
      String claimReviewed,
      String conclusion,
      String explanation,
      List<String> cited,
      String writtenBy,
      Instant writtenAt) {}

  public record ReviewEntryView(
      long id,
      String kind,
      int round,
      int revision,
      String author,
      Instant writtenAt,
      String rating,
      String passage,
      String body) {}

  public record CorrectionView(
      String kind, String note, int revision, int previousRevision, Instant publishedAt) {}

  /** The verdict's text; {@code version} only to revise an existing verdict. */
  public record ProposalRequest(
      Long version,
      @NotBlank @Size(max = 40) String rating,
      @NotBlank @Size(max = 200) String claimReviewed,
      @NotBlank @Size(max = 400) String conclusion,
      @NotBlank @Size(max = 20000) String explanation) {
    Verdict.Text text() {
      return new Verdict.Text(rating, claimReviewed, conclusion, explanation);
    }
  }

  /** A blind rating with its reasons, and the case version the sender read. */
  public record CrossCheckRequest(
      @NotNull Long version,
      @NotBlank @Size(max = 40) String rating,
      @Size(max = 5000) String rationale) {}

  /** An inline comment, optionally on words of the conclusion or explanation. */
  public record CommentRequest(
      @Size(max = 1000) String passage, @NotBlank @Size(max = 5000) String comment) {}

  @GET
  @Operation(
      operationId = "getVerdict",
      summary = "The case's verdict (404 before one is proposed).")
  public VerdictView get(@PathParam("caseId") long caseId) {
    return view(verdict(caseId));
  }

  @POST
  @Operation(
      operationId = "proposeVerdict",
      summary =
          "Proposes the verdict (or revises it: then send its version): rating (a code of"
              + " GET /api/scales), claimReviewed (≤ 200 characters), conclusion (one or two"
              + " sentences, ≤ 400 characters), explanation (≤ 20,000 characters) citing evidence as [E1] or [E1, E2]. The case must be"
              + " IN_RESEARCH or IN_CORRECTION and have evidence; only existing items can be"
              + " cited.")
  public VerdictView propose(
      @PathParam("caseId") long caseId, @NotNull @Valid ProposalRequest body) {
    return view(verdicts.propose(caseId, body.version(), body.text()));
  }

  @POST
  @Path("cross-check")
  @Operation(
      operationId = "crossCheckVerdict",
      summary =
          "The blind cross-check (when the review policy asks for one): a fact-checker who did not"
              + " write the verdict rates the claim: {\"rating\", \"rationale\" (≤ 5,000"
              + " characters), \"version\": the case version (required)}. A different rating sends"
              + " the case back to research.")
  public CaseView crossCheck(
      @PathParam("caseId") long caseId, @NotNull @Valid CrossCheckRequest body) {
    return CaseView.of(
        verdicts.crossCheck(caseId, body.version(), body.rating(), body.rationale()));
  }

  @GET
  @Path("versions")
  @Operation(
      operationId = "listVerdictVersions",
      summary = "Every text the verdict had, oldest first.")
  public List<VersionView> versions(@PathParam("caseId") long caseId) {
    boolean ratingVisible = verdicts.ratingVisible(verdict(caseId));
    return verdicts.versions(caseId).stream()
        .map(
            v ->
                new VersionView(
                    v.number(),
                    ratingVisible ? v.rating().code() : null,
                    v.claimReviewed(),
                    v.conclusion(),
                    v.explanation(),
                    v.cited(),
                    v.writtenBy(),
                    v.writtenAt()))
        .toList();
  }

  @GET
  @Path("reviews")
  @Operation(
      operationId = "listVerdictReviews",
      summary =
          "What happened in review: approvals, blind cross-checks, inline comments and"
              + " send-backs, oldest first.")
  public List<ReviewEntryView> reviews(@PathParam("caseId") long caseId) {
    return verdicts.reviewEntries(caseId).stream().map(VerdictResource::view).toList();
  }

  @POST
  @Path("comments")
  @Operation(
      operationId = "commentOnVerdict",
      summary =
          "An inline review comment: {\"passage\": words of the conclusion or explanation"
              + " (optional, ≤ 1,000 characters), \"comment\": … (≤ 5,000 characters)}.")
  public ReviewEntryView comment(
      @PathParam("caseId") long caseId, @NotNull @Valid CommentRequest body) {
    return view(verdicts.comment(caseId, body.passage(), body.comment()));
  }

  private Verdict verdict(long caseId) {
    return verdicts.of(caseId).orElseThrow(() -> new NotFound("refusal.verdict.noneYet", caseId));
  }

  private VerdictView view(Verdict v) {
    Verdicts.Approvals approvals = verdicts.approvals(v);
    return new VerdictView(
        v.id(),
        v.version(),
        v.caseOf().id(),
        v.caseOf().status().name(),
        v.caseOf().version(),
        v.scale().name(),
        v.scale().number(),
        verdicts.ratingVisible(v) ? v.rating().code() : null,
        v.claimReviewed(),
        v.conclusion(),
        v.explanation(),
        v.revision(),
        v.proposedBy(),
        v.writers(),
        v.reviewRound(),
        approvals.by(),
        approvals.quorum(),
        v.slug().orElse(null),
        v.publishedRevision().orElse(null),
        v.firstPublishedAt().orElse(null),
        v.lastPublishedAt().orElse(null),
        verdicts.corrections(v.caseOf().id()).stream().map(VerdictResource::view).toList());
  }

  private static CorrectionView view(Correction c) {
    return new CorrectionView(
        c.kind().name(), c.note(), c.revision(), c.previousRevision(), c.publishedAt());
  }

  private static ReviewEntryView view(ReviewEntry e) {
    return new ReviewEntryView(
        e.id(),
        e.kind().name(),
        e.round(),
        e.revision(),
        e.author(),
        e.writtenAt(),
        e.rating().orElse(null),
        e.passage().orElse(null),
        e.body().orElse(null));
  }
}
