package org.claimdesk.verdict;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.util.Optional;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;

/**
 * Something a reviewer did in a review round, kept for good: an approval, a blind cross-check (with
 * its rating and reasons), an inline comment on a passage, or the reason a verdict was sent back.
 */
@Entity
@Table(name = "review_entry")
@NamedQuery(
    name = "ReviewEntry.ofVerdict",
    query = "SELECT e FROM ReviewEntry e WHERE e.verdict.id = :verdict ORDER BY e.id")
@NamedQuery(
    name = "ReviewEntry.sentBackTo",
    query =
        "SELECT c.id, c.title, e.body, e.author, e.writtenAt FROM ReviewEntry e"
            + " JOIN e.verdict v JOIN v.caseRef c"
            // EXISTS, not MEMBER OF: walk the newest send-backs and probe the person, rather than
            // join all of a busy person's cases (docs/benchmarks.md, at newsroom scale)
            + " WHERE EXISTS (SELECT a FROM IN(c.assignees) a WHERE a = :me)"
            + " AND c.status = :researching"
            + " AND e.kind = :sentBack AND e.round = v.reviewRound ORDER BY e.id DESC")
public class ReviewEntry {
  public enum Kind {
    APPROVAL,
    CROSS_CHECK,
    COMMENT,
    SENT_BACK
  }

  @Id
  @SequenceGenerator(
      name = "review_entry_seq",
      sequenceName = "review_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_entry_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "verdict_id")
  private Verdict verdict;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(nullable = false)
  private int round;

  @Column(nullable = false)
  private int revision;

  @Column(nullable = false, length = 64)
  private String author;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  @Column(length = 40)
  private String rating;

  @Column(length = 1000)
  private String passage;

  @Column(length = 5000)
  private String body;

  protected ReviewEntry() {}

  ReviewEntry(
      Verdict verdict,
      Kind kind,
      String author,
      Instant at,
      String rating,
      String passage,
      String body) {
    this.verdict = verdict;
    this.kind = kind;
    this.round = verdict.reviewRound();
    this.revision = verdict.revision();
    this.author = author;
    this.writtenAt = at;
    this.rating = rating;
    this.passage = passage;
    this.body = body == null ? null : limited(body.strip(), 5000, "refusal.verdict.aComment");
  }

  static String limited(String text, int longest, String what) {
    if (text.length() > longest) {
      throw new InvalidInput("refusal.tooLong", Message.of(what), longest);
    }
    return text;
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public int round() {
    return round;
  }

  public int revision() {
    return revision;
  }

  public String author() {
    return author;
  }

  public Instant writtenAt() {
    return writtenAt;
  }

  /** The rating code of a cross-check. */
  public Optional<String> rating() {
    return Optional.ofNullable(rating);
  }

  /** The words of the verdict an inline comment is about. */
  public Optional<String> passage() {
    return Optional.ofNullable(passage);
  }

  public Optional<String> body() {
    return Optional.ofNullable(body);
  }
}
