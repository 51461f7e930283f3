package org.claimdesk.verdict;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.Arrays;
import java.util.List;

/**
 * One text a verdict had, never changed afterwards: what reviewers compare ("what changed since the
 * last round") and what the public reads of an earlier publication. Written in the transaction of
 * the verdict's audited change.
 */
@Entity
@Table(name = "verdict_version")
@NamedQuery(
    name = "VerdictVersion.ofVerdict",
    query = "SELECT v FROM VerdictVersion v WHERE v.verdict.id = :verdict ORDER BY v.number")
@NamedQuery(
    name = "VerdictVersion.number",
    query = "SELECT v FROM VerdictVersion v WHERE v.verdict.id = :verdict AND v.number = :number")
@NamedQuery(
    name = "VerdictVersion.publishedByRating",
    query =
        "SELECT v.rating, COUNT(v) FROM VerdictVersion v"
            + " WHERE v.number = v.verdict.publishedRevision GROUP BY v.rating")
public class VerdictVersion {
  @Id
  @SequenceGenerator(
      name = "verdict_version_seq",
      sequenceName = "verdict_version_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verdict_version_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "verdict_id")
  private Verdict verdict;

  @Column(nullable = false)
  private int number;

  @Column(name = "scale_id", nullable = false)
  private long scaleId;

  @Column(nullable = false, length = 40)
  private String rating;

  @Column(name = "claim_reviewed", nullable = false, length = Verdict.LONGEST_CLAIM_REVIEWED)
  private String claimReviewed;

  @Column(nullable = false, length = Verdict.LONGEST_CONCLUSION)
  private String conclusion;

  @Column(nullable = false, length = Verdict.LONGEST_EXPLANATION)
  private String explanation;

  @Column(nullable = false, length = 1000)
  private String cited;

  @Column(name = "written_by", nullable = false, length = 64)
  private String writtenBy;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected VerdictVersion() {}

  /** The verdict's current text, as revision {@code verdict.revision()}. */
  VerdictVersion(Verdict verdict, List<String> cited, String by, Instant at) {
    this.verdict = verdict;
    this.number = verdict.revision();
    this.scaleId = verdict.scale().id();
    this.rating = verdict.rating().code();
    this.claimReviewed = verdict.claimReviewed();
    this.conclusion = verdict.conclusion();
    this.explanation = verdict.explanation();
    this.cited = String.join(", ", cited);
    this.writtenBy = by;
    this.writtenAt = at;
  }

  public int number() {
    return number;
  }

  public Rating rating() {
    return verdict.scale().require(rating);
  }

  public String claimReviewed() {
    return claimReviewed;
  }

  public String conclusion() {
    return conclusion;
  }

  public String explanation() {
    return explanation;
  }

  /** The evidence labels the explanation cites, in order of first citation. */
  public List<String> cited() {
    return cited.isEmpty() ? List.of() : Arrays.asList(cited.split(", "));
  }

  public String writtenBy() {
    return writtenBy;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
