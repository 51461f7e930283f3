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

/**
 * One line of a fact-check's public correction log: what kind of change, the note readers see,
 * when, and which published version it replaced (that one stays readable).
 */
@Entity
@Table(name = "verdict_correction")
@NamedQuery(
    name = "Correction.ofVerdict",
    query = "SELECT c FROM Correction c WHERE c.verdict.id = :verdict ORDER BY c.publishedAt, c.id")
public class Correction implements java.io.Serializable {
  static final int LONGEST_NOTE = 2000;

  @Id
  @SequenceGenerator(
      name = "verdict_correction_seq",
      sequenceName = "verdict_correction_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verdict_correction_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "verdict_id")
  private Verdict verdict;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CorrectionKind kind;

  @Column(nullable = false, length = LONGEST_NOTE)
  private String note;

  @Column(nullable = false)
  private int revision;

  @Column(name = "previous_revision", nullable = false)
  private int previousRevision;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, length = 64)
  private String publishedBy;

  protected Correction() {}

  Correction(
      Verdict verdict,
      CorrectionKind kind,
      String note,
      int previousRevision,
      String by,
      Instant at) {
    this.verdict = verdict;
    this.kind = kind;
    this.note = ReviewEntry.limited(note.strip(), LONGEST_NOTE, "refusal.verdict.aCorrectionNote");
    this.revision = verdict.revision();
    this.previousRevision = previousRevision;
    this.publishedBy = by;
    this.publishedAt = at;
  }

  public CorrectionKind kind() {
    return kind;
  }

  public String note() {
    return note;
  }

  public int revision() {
    return revision;
  }

  public int previousRevision() {
    return previousRevision;
  }

  public Instant publishedAt() {
    return publishedAt;
  }
}
