package org.claimdesk.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.audit.Audited;
import org.claimdesk.audit.AuditedEntityGuard;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.WebAddress;

/**
 * A reusable source of evidence: an outlet, agency, government body, person, dataset or
 * organisation, with how far the desk trusts it and why. A confidential source protects a person or
 * document: it never appears in anything published or exported.
 */
@Entity
@Table(name = "source")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Source.byNameKey", query = "SELECT s FROM Source s WHERE s.nameKey = :key")
@NamedQuery(name = "Source.all", query = "SELECT s FROM Source s ORDER BY s.nameKey")
@NamedQuery(
    name = "Source.matching",
    query = "SELECT s FROM Source s WHERE s.nameKey LIKE :key ORDER BY s.nameKey")
public class Source implements Audited, java.io.Serializable {
  static final int LONGEST_NAME = 300;
  static final int LONGEST_NOTE = 2000;

  /** What a source is, as the desk describes it. */
  public record Profile(
      String name,
      SourceKind kind,
      String url,
      Reliability reliability,
      String reliabilityNote,
      boolean confidential)
      implements java.io.Serializable {}

  @Id
  @SequenceGenerator(name = "source_seq", sequenceName = "source_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "source_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = LONGEST_NAME)
  private String name;

  @Column(name = "name_key", nullable = false, length = LONGEST_NAME)
  private String nameKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private SourceKind kind;

  @Column(length = WebAddress.LONGEST)
  private String url;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Reliability reliability;

  @Column(name = "reliability_note", length = LONGEST_NOTE)
  private String reliabilityNote;

  @Column(nullable = false)
  private boolean confidential;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "registered_by", nullable = false, length = 64)
  private String registeredBy;

  protected Source() {}

  public Source(Profile profile, String registeredBy, Instant registeredAt) {
    this.registeredBy = Objects.requireNonNull(registeredBy);
    this.registeredAt = Objects.requireNonNull(registeredAt);
    describe(profile);
  }

  /** Replaces the description; the rules are the same as for a new source. */
  public void describe(Profile p) {
    String n = p.name() == null ? "" : p.name().strip().replaceAll("\\s+", " ");
    if (n.isEmpty()) {
      throw new InvalidInput("refusal.source.name");
    }
    if (n.length() > LONGEST_NAME) {
      throw new InvalidInput("refusal.source.nameLength", LONGEST_NAME);
    }
    if (p.kind() == null) {
      throw new InvalidInput("refusal.source.kind");
    }
    Reliability r = p.reliability() == null ? Reliability.UNRATED : p.reliability();
    String note =
        p.reliabilityNote() == null || p.reliabilityNote().isBlank()
            ? null
            : p.reliabilityNote().strip();
    if (r != Reliability.UNRATED && note == null) {
      throw new InvalidInput("refusal.source.justify", Message.named("source.reliability", r));
    }
    if (note != null && note.length() > LONGEST_NOTE) {
      throw new InvalidInput("refusal.source.justifyLength", LONGEST_NOTE);
    }
    this.name = n;
    this.nameKey = key(n);
    this.kind = p.kind();
    this.url = WebAddress.checked(p.url(), "url");
    this.reliability = r;
    this.reliabilityNote = note;
    this.confidential = p.confidential();
  }

  /** The name folded for comparison: "Tass " and "TASS" are the same source. */
  public static String key(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public Profile profile() {
    return new Profile(name, kind, url, reliability, reliabilityNote, confidential);
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
    return "source";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String name() {
    return name;
  }

  public SourceKind kind() {
    return kind;
  }

  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  public Reliability reliability() {
    return reliability;
  }

  public Optional<String> reliabilityNote() {
    return Optional.ofNullable(reliabilityNote);
  }

  public boolean confidential() {
    return confidential;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public String registeredBy() {
    return registeredBy;
  }
}
