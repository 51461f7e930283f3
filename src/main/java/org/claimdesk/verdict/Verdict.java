package org.claimdesk.verdict;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.casework.Case;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;

/**
 * The verdict of a case as it stands: the rating on its scale (pinned to the scale version of the
 * first proposal), the claim as reviewed, the conclusion shown first, and the explanation citing
 * evidence as [E1]. Every text it ever had is a {@link VerdictVersion}; everyone who wrote one is a
 * writer and may never approve it. Once published, it has a slug for its public page and the number
 * of the version the public reads.
 */
@Entity
@Table(name = "verdict")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Verdict.ofCase", query = "SELECT v FROM Verdict v WHERE v.caseRef.id = :case")
@NamedQuery(
    name = "Verdict.bySlug",
    query = "SELECT v FROM Verdict v WHERE v.slug = :slug AND v.publishedRevision IS NOT NULL")
@NamedQuery(
    name = "Verdict.published",
    query =
        "SELECT v FROM Verdict v WHERE v.publishedRevision IS NOT NULL"
            + " ORDER BY v.lastPublishedAt DESC, v.id DESC")
@NamedQuery(
    name = "Verdict.publishedCount",
    query = "SELECT COUNT(v) FROM Verdict v WHERE v.publishedRevision IS NOT NULL")
public class Verdict implements Audited, java.io.Serializable {
  static final int LONGEST_CLAIM_REVIEWED = 200;
  static final int LONGEST_CONCLUSION = 400;
  static final int LONGEST_EXPLANATION = 20000;

  /** What a writer gives: a rating code of the scale and the three texts. */
  public record Text(String rating, String claimReviewed, String conclusion, String explanation) {}

  @Id
  @SequenceGenerator(name = "verdict_seq", sequenceName = "verdict_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verdict_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private Case caseRef;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "scale_id")
  private RatingScale scale;

  @Column(nullable = false, length = 40)
  private String rating;

  @Column(name = "claim_reviewed", nullable = false, length = LONGEST_CLAIM_REVIEWED)
  private String claimReviewed;

  @Column(nullable = false, length = LONGEST_CONCLUSION)
  private String conclusion;

  @Column(nullable = false, length = LONGEST_EXPLANATION)
  private String explanation;

  @Column(nullable = false)
  private int revision;

  @Column(name = "proposed_by", nullable = false, length = 64)
  private String proposedBy;

  @Column(name = "review_round", nullable = false)
  private int reviewRound;

  @Column(length = 120)
  private String slug;

  @Column(name = "published_revision")
  private Integer publishedRevision;

  @Column(name = "first_published_at")
  private Instant firstPublishedAt;

  @Column(name = "last_published_at")
  private Instant lastPublishedAt;

  /** What the approval froze for the public, from the approval until it is published. */
  @Lob
  @Column(name = "approved_snapshot")
  private String approvedSnapshot;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "verdict_writer", joinColumns = @JoinColumn(name = "verdict_id"))
  @Column(name = "username", length = 64)
  private Set<String> writers = new TreeSet<>();

  protected Verdict() {}

  Verdict(Case caseRef, RatingScale scale, Text text, String by) {
    this.caseRef = Objects.requireNonNull(caseRef);
    this.scale = Objects.requireNonNull(scale);
    if (scale.retired()) {
      throw new IllegalStateException("A new verdict needs a scale version that is not retired.");
    }
    this.proposedBy = by;
    take(text);
    this.revision = 1;
    writers.add(by);
  }

  /**
   * Takes a new text if it differs from the current one: the revision number grows and the writer
   * joins the writers. Returns whether anything changed.
   */
  boolean revise(Text text, String by) {
    List<String> was = texts();
    take(text);
    if (was.equals(texts())) {
      return false;
    }
    revision++;
    writers.add(by);
    return true;
  }

  private List<String> texts() {
    return List.of(rating, claimReviewed, conclusion, explanation);
  }

  // checks everything before changing anything
  private void take(Text text) {
    String r = scale.require(text.rating() == null ? "" : text.rating().strip()).code();
    String reviewed =
        required(
            text.claimReviewed(),
            "refusal.verdict.claimReviewed",
            LONGEST_CLAIM_REVIEWED,
            "refusal.verdict.claimReviewedWhy");
    String c = required(text.conclusion(), "refusal.verdict.conclusion", LONGEST_CONCLUSION, null);
    String e =
        required(text.explanation(), "refusal.verdict.explanation", LONGEST_EXPLANATION, null);
    rating = r;
    claimReviewed = reviewed;
    conclusion = c;
    explanation = e;
  }

  private static String required(String text, String what, int longest, String why) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new InvalidInput("refusal.verdict.needs", Message.of(what));
    }
    if (t.length() > longest) {
      throw new InvalidInput(
          "refusal.verdict.tooLong",
          longest,
          Message.of(what),
          why == null ? "" : Message.of(why),
          t.length());
    }
    return t;
  }

  /** A review round begins: approvals and cross-checks of earlier rounds no longer count. */
  void submitted() {
    reviewRound++;
  }

  /** What the last approval froze for the public, while it waits to be published. */
  public Optional<Snapshot> approvedSnapshot() {
    return Optional.ofNullable(approvedSnapshot).map(Snapshot::fromJson);
  }

  /**
   * The reviewers' approval is complete: what the public will read is frozen now. The slug is fixed
   * here at the first approval, so the frozen page address is the one it is published at.
   */
  void approved(String newSlug, Snapshot snapshot) {
    if (snapshot.revision() != revision) {
      throw new IllegalStateException("The snapshot must show the approved revision " + revision);
    }
    if (slug == null) {
      slug = newSlug;
    }
    approvedSnapshot = snapshot.toJson();
  }

  /**
   * The approved snapshot goes public as version {@code number}; the verdict is published at {@code
   * at} (for the first time, or again after a correction).
   */
  Publication publish(int number, String by, Instant at) {
    if (approvedSnapshot == null) {
      throw new IllegalStateException("Only an approved verdict is published.");
    }
    Publication p = new Publication(this, number, approvedSnapshot, by, at);
    if (firstPublishedAt == null) {
      firstPublishedAt = at;
    }
    lastPublishedAt = at;
    publishedRevision = p.revision();
    approvedSnapshot = null;
    return p;
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
    return "verdict";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public Case caseOf() {
    return caseRef;
  }

  public RatingScale scale() {
    return scale;
  }

  public Rating rating() {
    return scale.require(rating);
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

  public int revision() {
    return revision;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public int reviewRound() {
    return reviewRound;
  }

  /** Whether the person proposed the verdict or changed its text or rating at any time. */
  public boolean writtenBy(String username) {
    return writers.contains(username);
  }

  public List<String> writers() {
    return List.copyOf(writers);
  }

  /** The address of the public page, once published. */
  public Optional<String> slug() {
    return publishedRevision == null ? Optional.empty() : Optional.ofNullable(slug);
  }

  /** The slug fixed at the first approval, before it is public. */
  Optional<String> plannedSlug() {
    return Optional.ofNullable(slug);
  }

  public Optional<Integer> publishedRevision() {
    return Optional.ofNullable(publishedRevision);
  }

  public Optional<Instant> firstPublishedAt() {
    return Optional.ofNullable(firstPublishedAt);
  }

  public Optional<Instant> lastPublishedAt() {
    return Optional.ofNullable(lastPublishedAt);
  }
}
