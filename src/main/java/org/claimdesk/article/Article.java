package org.claimdesk.article;

import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
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
import org.claimdesk.article.text.RemovedPart;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.Sha256;
import org.claimdesk.platform.WebAddress;

/**
 * An article as received, the aggregate root of the article feature. The original bytes are kept
 * unchanged with their SHA-256 (the archived snapshot, and one key that stops double imports); the
 * reading text lives in immutable {@link ArticleRevision}s so that every claim keeps pointing at
 * the exact words it quotes after a correction.
 */
@Entity
@Table(name = "article")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Article.bySha256", query = "SELECT a FROM Article a WHERE a.sha256 = :sha256")
@NamedQuery(
    name = "Article.byTextSha256",
    query = "SELECT a FROM Article a WHERE a.textSha256 = :sha256")
@NamedQuery(name = "Article.count", query = "SELECT COUNT(a) FROM Article a")
@NamedQuery(
    name = "Article.newestFirst",
    query = "SELECT a FROM Article a ORDER BY a.importedAt DESC, a.id DESC")
@NamedQuery(name = "Article.all", query = "SELECT a FROM Article a ORDER BY a.id")
@NamedQuery(
    name = "Article.firstOfEachOutlet",
    query =
        "SELECT a.outlet, MIN(a.id) FROM Article a WHERE a.outlet IS NOT NULL GROUP BY a.outlet")
public class Article implements Audited, java.io.Serializable {
  static final int LONGEST_TITLE = 500;

  @Id
  @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = LONGEST_TITLE)
  private String title;

  @Column(length = 200)
  private String outlet;

  @Column(length = 2000)
  private String url;

  @Column(length = 200)
  private String author;

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

  @Column(name = "file_name", length = 300)
  private String fileName;

  @Column(length = 40)
  private String charset;

  @Column(name = "fetched_at")
  private Instant fetchedAt;

  /** The address the page was finally read from, after redirects. */
  @Column(name = "fetched_from", length = 2000)
  private String fetchedFrom;

  /** Hex SHA-256 of {@link #original}. */
  @Column(nullable = false, unique = true, length = 64)
  private String sha256;

  /** Hex SHA-256 of the first reading text. */
  @Column(name = "text_sha256", length = 64)
  private String textSha256;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] original;

  @Column(name = "current_revision", nullable = false)
  private int currentRevision;

  @OneToMany(mappedBy = "article", cascade = CascadeType.PERSIST)
  @OrderBy("number")
  private List<ArticleRevision> revisions = new ArrayList<>();

  protected Article() {}

  public Article(
      Received received,
      Metadata metadata,
      String text,
      List<RemovedPart> removed,
      String importedBy,
      Instant importedAt) {
    this.original = Objects.requireNonNull(received.bytes()).clone();
    this.sha256 = Sha256.hex(original);
    this.mediaType = Objects.requireNonNull(received.mediaType());
    this.fileName = fitted(received.fileName(), 300);
    this.charset = received.charset();
    this.fetchedFrom = received.fetchedFrom();
    this.fetchedAt = received.fetchedAt();
    this.importedBy = Objects.requireNonNull(importedBy);
    this.importedAt = Objects.requireNonNull(importedAt);
    apply(metadata);
    ArticleRevision first =
        new ArticleRevision(this, 1, text, removed, importedBy, importedAt, null);
    this.textSha256 = Sha256.hex(first.text());
    revisions.add(first);
    currentRevision = 1;
  }

  /** What arrived: the bytes and how they came. */
  public record Received(
      byte[] bytes,
      String mediaType,
      String fileName,
      String charset,
      String fetchedFrom,
      Instant fetchedAt) {}

  /** What the newsroom says about an article; every field editable, every edit audited. */
  public record Metadata(
      String title,
      String outlet,
      String url,
      String author,
      LocalDate publishedOn,
      String language) {}

  /** Replaces the metadata; blank optional values become empty. */
  public void apply(Metadata metadata) {
    this.title = requireText(metadata.title(), "title", LONGEST_TITLE);
    this.outlet = optionalText(metadata.outlet(), "outlet", 200);
    this.url = WebAddress.checked(metadata.url(), "url");
    this.author = optionalText(metadata.author(), "author", 200);
    this.publishedOn = metadata.publishedOn();
    String lang =
        requireText(metadata.language(), "language", 8).toLowerCase(java.util.Locale.ROOT);
    if (!lang.matches("[a-z]{2,3}")) {
      throw new InvalidInput("refusal.article.language");
    }
    this.language = lang;
  }

  public Metadata metadata() {
    return new Metadata(title, outlet, url, author, publishedOn, language);
  }

  /**
   * Adds a new revision of the reading text and makes it current. Earlier revisions stay as they
   * are, and so do the claims that point into them.
   */
  public ArticleRevision revise(
      String text, List<RemovedPart> removed, String by, Instant at, String note) {
    if (text != null && text.strip().equals(text().strip())) {
      throw new InvalidInput("refusal.article.sameCorrection");
    }
    ArticleRevision next =
        new ArticleRevision(this, revisions.size() + 1, text, removed, by, at, note);
    revisions.add(next);
    currentRevision = next.number();
    return next;
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

  public Optional<String> author() {
    return Optional.ofNullable(author);
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

  public Optional<String> fileName() {
    return Optional.ofNullable(fileName);
  }

  public Optional<String> charset() {
    return Optional.ofNullable(charset);
  }

  public Optional<Instant> fetchedAt() {
    return Optional.ofNullable(fetchedAt);
  }

  public Optional<String> fetchedFrom() {
    return Optional.ofNullable(fetchedFrom);
  }

  public String sha256() {
    return sha256;
  }

  public byte[] original() {
    return original.clone();
  }

  public ArticleRevision current() {
    return revision(currentRevision);
  }

  public ArticleRevision revision(int number) {
    if (number < 1 || number > revisions.size()) {
      throw new InvalidInput("refusal.article.noRevision", number, revisions.size());
    }
    return revisions.get(number - 1);
  }

  public List<ArticleRevision> revisions() {
    return List.copyOf(revisions);
  }

  /** The current reading text. */
  public String text() {
    return current().text();
  }

  private static String requireText(String value, String what, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(
          "refusal.article.emptyField", Message.of("refusal.article.field." + what));
    }
    return checkLength(value.strip(), what, maxLength);
  }

  private static String optionalText(String value, String what, int maxLength) {
    return value == null || value.isBlank() ? null : checkLength(value.strip(), what, maxLength);
  }

  private static String checkLength(String value, String what, int maxLength) {
    if (value.length() > maxLength) {
      throw new InvalidInput(
          "refusal.article.fieldLength", Message.of("refusal.article.field." + what), maxLength);
    }
    return value;
  }

  private static String fitted(String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return v.length() <= maxLength ? v : v.substring(0, maxLength - 1) + "…";
  }
}
