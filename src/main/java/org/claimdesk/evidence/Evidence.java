package org.claimdesk.evidence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.casework.Case;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.WebAddress;

/**
 * One thing a case relies on: what it is, whether it supports or refutes the claim or gives
 * context, the words relied on, where it comes from, and its files. Its number stays the same
 * whatever the order, so a verdict can cite it.
 */
@Entity
@Table(name = "evidence")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(
    name = "Evidence.ofCase",
    query = "SELECT e FROM Evidence e WHERE e.caseRef.id = :case ORDER BY e.position, e.id")
@NamedQuery(name = "Evidence.all", query = "SELECT e FROM Evidence e ORDER BY e.id")
@NamedQuery(
    name = "Evidence.highestNumber",
    query = "SELECT MAX(e.number) FROM Evidence e WHERE e.caseRef.id = :case")
@NamedQuery(
    name = "Evidence.casesUsingSource",
    query =
        "SELECT DISTINCT e.caseRef FROM Evidence e WHERE e.source.id = :source"
            + " ORDER BY e.caseRef.id DESC")
@NamedQuery(
    name = "Evidence.citingSource",
    query = "SELECT e.id FROM Evidence e WHERE e.source.id = :source")
public class Evidence implements Audited {
  static final int LONGEST_SUMMARY = 2000;
  static final int LONGEST_QUOTE = 4000;
  static final int MOST_FILES = 20;

  /** What an item says and where it comes from. */
  public record Account(
      EvidenceKind kind,
      Stance stance,
      String summary,
      String quote,
      Source source,
      String url,
      LocalDate accessedOn) {}

  @Id
  @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
  private Long id;

  @Version private long version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "case_id")
  private Case caseRef;

  @Column(nullable = false)
  private int number;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EvidenceKind kind;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Stance stance;

  @Column(nullable = false, length = LONGEST_SUMMARY)
  private String summary;

  @Column(length = LONGEST_QUOTE)
  private String quote;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "source_id")
  private Source source;

  @Column(length = WebAddress.LONGEST)
  private String url;

  @Column(name = "accessed_on")
  private LocalDate accessedOn;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  @Column(name = "added_by", nullable = false, length = 64)
  private String addedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "evidence_file", joinColumns = @JoinColumn(name = "evidence_id"))
  private List<EvidenceFile> files = new ArrayList<>();

  protected Evidence() {}

  /** A new item of a case, numbered and placed after the case's other items. */
  public Evidence(
      Case c, int number, Account account, String addedBy, Instant addedAt, LocalDate today) {
    this.caseRef = Objects.requireNonNull(c);
    this.number = number;
    this.position = number;
    this.addedBy = Objects.requireNonNull(addedBy);
    this.addedAt = Objects.requireNonNull(addedAt);
    describe(account, today);
  }

  /**
   * Replaces what the item says. An item says where it comes from (a source or a web address); a
   * web address without an access date was accessed {@code today}.
   */
  public void describe(Account a, LocalDate today) {
    if (a.kind() == null) {
      throw new InvalidInput("refusal.evidence.kind");
    }
    if (a.stance() == null) {
      throw new InvalidInput("refusal.evidence.stance");
    }
    String s = a.summary() == null ? "" : a.summary().strip();
    if (s.isEmpty()) {
      throw new InvalidInput("refusal.evidence.summary");
    }
    if (s.length() > LONGEST_SUMMARY) {
      throw new InvalidInput("refusal.evidence.summaryLength", LONGEST_SUMMARY);
    }
    String q = a.quote() == null || a.quote().isBlank() ? null : a.quote().strip();
    if (q != null && q.length() > LONGEST_QUOTE) {
      throw new InvalidInput("refusal.evidence.quoteLength", LONGEST_QUOTE);
    }
    String u = WebAddress.checked(a.url(), "url");
    if (a.source() == null && u == null) {
      throw new InvalidInput("refusal.evidence.origin");
    }
    LocalDate accessed = a.accessedOn() != null ? a.accessedOn() : u == null ? null : today;
    if (accessed != null && accessed.isAfter(today)) {
      throw new InvalidInput("refusal.evidence.accessedInFuture", accessed, today);
    }
    this.kind = a.kind();
    this.stance = a.stance();
    this.summary = s;
    this.quote = q;
    this.source = a.source();
    this.url = u;
    this.accessedOn = accessed;
  }

  /** Adds a file; false when the item already has these bytes. */
  public boolean attach(EvidenceFile file) {
    if (files.contains(file)) {
      return false;
    }
    if (files.size() >= MOST_FILES) {
      throw new InvalidInput("refusal.evidence.files", MOST_FILES);
    }
    files.add(file);
    return true;
  }

  void moveTo(int newPosition) {
    this.position = newPosition;
  }

  public Account account() {
    return new Account(kind, stance, summary, quote, source, url, accessedOn);
  }

  /** The source as the public may see it: never a confidential one. */
  public Optional<Source> publicSource() {
    return source == null || source.confidential() ? Optional.empty() : Optional.of(source);
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
    return "evidence";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public Case caseOf() {
    return caseRef;
  }

  /** The citation label within the case: E1, E2, … */
  public String label() {
    return "E" + number;
  }

  public int number() {
    return number;
  }

  public int position() {
    return position;
  }

  public EvidenceKind kind() {
    return kind;
  }

  public Stance stance() {
    return stance;
  }

  public String summary() {
    return summary;
  }

  public Optional<String> quote() {
    return Optional.ofNullable(quote);
  }

  public Optional<Source> source() {
    return Optional.ofNullable(source);
  }

  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  public Optional<LocalDate> accessedOn() {
    return Optional.ofNullable(accessedOn);
  }

  public Instant addedAt() {
    return addedAt;
  }

  public String addedBy() {
    return addedBy;
  }

  public List<EvidenceFile> files() {
    return List.copyOf(files);
  }
}
