package org.claimdesk.article;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.Sha256;

/**
 * An article as received, the aggregate root of the article feature. The original bytes are kept
 * unchanged with their SHA-256 (the archived snapshot, and the key that stops double imports); the
 * reading text is what people read and what claims will point into.
 */
@Entity
@Table(name = "article")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Article.bySha256", query = "SELECT a FROM Article a WHERE a.sha256 = :sha256")
@NamedQuery(name = "Article.count", query = "SELECT COUNT(a) FROM Article a")
@NamedQuery(
    name = "Article.newestFirst",
    query = "SELECT a FROM Article a ORDER BY a.importedAt DESC, a.id DESC")
public class Article implements Audited {

  @Id
  @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 500)
  private String title;

  @Column(length = 200)
  private String outlet;

  @Column(length = 2000)
  private String url;

  /** ISO 639-1 code such as "de" or "en". */
  @Column(nullable = false, length = 8)
  private String language;

  @Column(name = "published_on")
  private LocalDate publishedOn;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "imported_by", nullable = false, length = 64)
  private String importedBy;

  @Column(name = "media_type", nullable = false, length = 100)
  private String mediaType;

  /** Hex SHA-256 of {@link #original}. */
  @Column(nullable = false, unique = true, length = 64)
  private String sha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] original;

  @Lob
  @Column(name = "reading_text", nullable = false)
  private String text;

  protected Article() {}

  public Article(Received received, String text, String importedBy, Instant importedAt) {
    this.original = Objects.requireNonNull(received.bytes()).clone();
    this.sha256 = Sha256.hex(original);
    this.mediaType = Objects.requireNonNull(received.mediaType());
    this.title = requireText(received.title(), "title", 500);
    this.outlet = received.outlet();
    this.url = received.url();
    this.language = requireText(received.language(), "language", 8);
    this.publishedOn = received.publishedOn();
    this.text = requireText(text, "text", Integer.MAX_VALUE);
    this.importedBy = Objects.requireNonNull(importedBy);
    this.importedAt = Objects.requireNonNull(importedAt);
  }

  /** What arrived: the bytes and what is known about them. */
  public record Received(
      byte[] bytes,
      String mediaType,
      String title,
      String outlet,
      String url,
      String language,
      LocalDate publishedOn) {}

  public Long id() {
    return id;
  }

  @Override
  public long version() {
    return version;
  }

  @Override
  public String auditType() {
    return "article";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String title() {
    return title;
  }

  public Optional<String> outlet() {
    return Optional.ofNullable(outlet);
  }

  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  public String language() {
    return language;
  }

  public Optional<LocalDate> publishedOn() {
    return Optional.ofNullable(publishedOn);
  }

  public Instant importedAt() {
    return importedAt;
  }

  public String importedBy() {
    return importedBy;
  }

  public String mediaType() {
    return mediaType;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] original() {
    return original.clone();
  }

  public String text() {
    return text;
  }

  /** The reading text's paragraphs: its non-blank lines. */
  public List<String> paragraphs() {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static String requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("The article's " + what + " must not be empty.");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "The article's " + what + " is longer than " + maxLength + " characters.");
    }
    return value.strip();
  }
}
