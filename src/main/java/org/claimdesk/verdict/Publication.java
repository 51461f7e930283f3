package org.claimdesk.verdict;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.time.Instant;
import org.claimdesk.platform.Sha256;

/**
 * One version of a fact-check as it went public: number 1 is the first publication, each
 * republication after a correction the next. Written once, never changed (the database refuses
 * UPDATE and DELETE, sql/&#42;/V11_1); its snapshot's SHA-256 is in the audit trail with the
 * approval that froze it and with the publication.
 */
@Entity
@Table(name = "publication")
@NamedQuery(
    name = "Publication.number",
    query = "SELECT p FROM Publication p WHERE p.verdict.id = :verdict AND p.number = :number")
@NamedQuery(
    name = "Publication.ofVerdict",
    query = "SELECT p FROM Publication p WHERE p.verdict.id = :verdict ORDER BY p.number")
@NamedQuery(
    name = "Publication.current",
    query =
        "SELECT p FROM Publication p JOIN p.verdict v WHERE p.publishedAt = v.lastPublishedAt"
            + " ORDER BY v.lastPublishedAt DESC, v.id DESC")
@NamedQuery(
    name = "Publication.currentOfVerdict",
    query =
        "SELECT p FROM Publication p JOIN p.verdict v WHERE v.id = :verdict"
            + " AND p.publishedAt = v.lastPublishedAt")
public class Publication {
  @Id
  @SequenceGenerator(
      name = "publication_seq",
      sequenceName = "publication_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publication_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "verdict_id", updatable = false)
  private Verdict verdict;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false)
  private int revision;

  @Lob
  @Column(nullable = false, updatable = false)
  private String snapshot;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false, length = 64)
  private String publishedBy;

  protected Publication() {}

  Publication(Verdict verdict, int number, String snapshot, String by, Instant at) {
    this.verdict = verdict;
    this.number = number;
    this.snapshot = snapshot;
    this.revision = Snapshot.fromJson(snapshot).revision();
    this.sha256 = Sha256.hex(snapshot);
    this.publishedBy = by;
    this.publishedAt = at;
  }

  public int number() {
    return number;
  }

  /** The verdict text revision this version shows. */
  public int revision() {
    return revision;
  }

  public Snapshot snapshot() {
    return Snapshot.fromJson(snapshot);
  }

  public String sha256() {
    return sha256;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String publishedBy() {
    return publishedBy;
  }

  Verdict verdict() {
    return verdict;
  }
}
