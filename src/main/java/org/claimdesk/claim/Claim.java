package org.claimdesk.claim;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.article.ArticleRevision;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;

/**
 * A checkable statement, normalised into one sentence, with who made it and when. It appears in one
 * or more articles: each {@link Appearance} is an exact span of an article revision.
 */
@Entity
@Table(name = "claim")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(
    name = "Claim.newestFirst",
    query = "SELECT c FROM Claim c ORDER BY c.createdAt DESC, c.id DESC")
@NamedQuery(name = "Claim.count", query = "SELECT COUNT(c) FROM Claim c")
@NamedQuery(name = "Claim.all", query = "SELECT c FROM Claim c ORDER BY c.id")
@NamedQuery(
    name = "Claim.byClaimant",
    query = "SELECT c FROM Claim c WHERE c.claimant = :claimant ORDER BY c.createdAt DESC")
@NamedQuery(
    name = "Claim.inArticle",
    query =
        "SELECT DISTINCT c FROM Claim c JOIN c.appearances a WHERE a.article.id = :article"
            + " ORDER BY c.id")
@NamedQuery(
    name = "Claim.said",
    query =
        "SELECT c.language, c.statement, a.article.id, a.quote FROM Claim c JOIN c.appearances a"
            + " WHERE c.id = :claim ORDER BY a.id")
public class Claim implements Audited, java.io.Serializable {
  static final int LONGEST_STATEMENT = 1000;

  @Id
  @SequenceGenerator(name = "claim_seq", sequenceName = "claim_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = LONGEST_STATEMENT)
  private String statement;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "claimant_id")
  private Claimant claimant;

  @Column(name = "claimed_on")
  private LocalDate claimedOn;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(name = "appearances", nullable = false)
  private int appearanceCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @OneToMany(mappedBy = "claim", cascade = CascadeType.PERSIST)
  @OrderBy("id")
  private List<Appearance> appearances = new ArrayList<>();

  protected Claim() {}

  /** A claim captured at its first appearance. */
  public Claim(
      String statement,
      Claimant claimant,
      LocalDate claimedOn,
      ArticleRevision revision,
      int start,
      int end,
      String createdBy,
      Instant createdAt) {
    restate(statement);
    this.claimant = claimant;
    this.claimedOn = claimedOn;
    this.language = revision.article().language();
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
    appearIn(revision, start, end, createdBy, createdAt);
  }

  /** Links another span, in this or another article, as an appearance of this same claim. */
  public Appearance appearIn(ArticleRevision revision, int start, int end, String by, Instant at) {
    for (Appearance known : appearances) {
      if (known.isAt(revision, start, end)) {
        throw new InvalidInput("refusal.claim.knownSpan", known.describe());
      }
    }
    Appearance appearance = new Appearance(this, revision, start, end, by, at);
    appearances.add(appearance);
    appearanceCount = appearances.size();
    return appearance;
  }

  /** Replaces the normalised statement: one sentence, no line breaks. */
  public void restate(String newStatement) {
    String s = newStatement == null ? "" : newStatement.strip().replaceAll("\\s+", " ");
    if (s.isEmpty()) {
      throw new InvalidInput("refusal.claim.statement");
    }
    if (s.length() > LONGEST_STATEMENT) {
      throw new InvalidInput("refusal.claim.statementLength", LONGEST_STATEMENT);
    }
    this.statement = s;
  }

  public void attribute(Claimant newClaimant, LocalDate newClaimedOn) {
    this.claimant = newClaimant;
    this.claimedOn = newClaimedOn;
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
    return "claim";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String statement() {
    return statement;
  }

  public Optional<Claimant> claimant() {
    return Optional.ofNullable(claimant);
  }

  public Optional<LocalDate> claimedOn() {
    return Optional.ofNullable(claimedOn);
  }

  public String language() {
    return language;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public List<Appearance> appearances() {
    return List.copyOf(appearances);
  }
}
