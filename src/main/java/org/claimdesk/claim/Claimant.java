package org.claimdesk.claim;

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

/** A person or organisation that made claims; one record per name, reused across claims. */
@Entity
@Table(name = "claimant")
@EntityListeners(AuditedEntityGuard.class)
@NamedQuery(name = "Claimant.byKey", query = "SELECT c FROM Claimant c WHERE c.nameKey = :key")
@NamedQuery(name = "Claimant.all", query = "SELECT c FROM Claimant c ORDER BY c.nameKey")
@NamedQuery(
    name = "Claimant.startingWith",
    query = "SELECT c FROM Claimant c WHERE c.nameKey LIKE :prefix ORDER BY c.nameKey")
public class Claimant implements Audited, java.io.Serializable {
  static final int LONGEST_NAME = 200;

  /** What kind of claimant this is; UNKNOWN until somebody says. */
  public enum Kind {
    PERSON,
    ORGANISATION,
    UNKNOWN
  }

  @Id
  @SequenceGenerator(name = "claimant_seq", sequenceName = "claimant_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claimant_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = LONGEST_NAME)
  private String name;

  @Column(name = "name_key", nullable = false, length = LONGEST_NAME, unique = true)
  private String nameKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind;

  @Column(length = 1000)
  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected Claimant() {}

  public Claimant(String name, Kind kind, String description, String createdBy, Instant createdAt) {
    rename(name);
    describe(kind, description);
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The key that makes "John Kirby" and "john kirby" the same claimant. */
  public static String keyOf(String name) {
    return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  public void rename(String newName) {
    String clean = newName == null ? "" : newName.strip().replaceAll("\\s+", " ");
    if (clean.isEmpty()) {
      throw new InvalidInput("refusal.claimant.name");
    }
    if (clean.length() > LONGEST_NAME) {
      throw new InvalidInput("refusal.claimant.nameLength", LONGEST_NAME);
    }
    this.name = clean;
    this.nameKey = keyOf(clean);
  }

  public void describe(Kind newKind, String newDescription) {
    this.kind = newKind == null ? Kind.UNKNOWN : newKind;
    String d = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
    if (d != null && d.length() > 1000) {
      throw new InvalidInput("refusal.claimant.descriptionLength", 1000);
    }
    this.description = d;
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
    return "claimant";
  }

  @Override
  public String auditId() {
    return String.valueOf(id);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
