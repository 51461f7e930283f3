package org.claimdesk.claim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.claimdesk.article.Article;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.platform.InvalidInput;

/**
 * Where a claim appears: the exact words at [start, end) of one revision of an article's reading
 * text. The quote is copied and checked against the revision when linked, and revisions never
 * change, so the span stays valid for good. Part of the {@link Claim} aggregate: it is created only
 * through the claim, whose audit event describes it.
 */
@Entity
@Table(name = "appearance")
public class Appearance implements java.io.Serializable {

  @Id
  @SequenceGenerator(name = "appearance_seq", sequenceName = "appearance_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appearance_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "claim_id")
  private Claim claim;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "article_id")
  private Article article;

  @Column(name = "revision", nullable = false)
  private int revision;

  @Column(name = "start_offset", nullable = false)
  private int start;

  @Column(name = "end_offset", nullable = false)
  private int end;

  @Lob
  @Column(nullable = false)
  private String quote;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected Appearance() {}

  Appearance(Claim claim, ArticleRevision revision, int start, int end, String by, Instant at) {
    this.quote = revision.quote(start, end);
    if (quote.isBlank()) {
      throw new InvalidInput("refusal.claim.blankAppearance");
    }
    this.claim = Objects.requireNonNull(claim);
    this.article = revision.article();
    this.revision = revision.number();
    this.start = start;
    this.end = end;
    this.createdBy = Objects.requireNonNull(by);
    this.createdAt = Objects.requireNonNull(at);
  }

  boolean isAt(ArticleRevision other, int otherStart, int otherEnd) {
    return article.id() != null
        && article.id().equals(other.article().id())
        && revision == other.number()
        && start == otherStart
        && end == otherEnd;
  }

  String describe() {
    return "article " + article.id() + ", revision " + revision + ", " + start + "–" + end;
  }

  public Long id() {
    return id;
  }

  public Claim claim() {
    return claim;
  }

  public Article article() {
    return article;
  }

  public int revision() {
    return revision;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public String quote() {
    return quote;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
