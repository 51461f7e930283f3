package org.claimdesk.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.claimdesk.platform.Sha256;

/**
 * One recorded change, immutable once written. Events form a hash chain:
 *
 * <pre>hash = SHA-256( prev_hash ‖ canonical event )</pre>
 *
 * where {@code prev_hash} is the hex hash of the event before (64 zeros for the first) and the
 * canonical event is {@link CanonicalJson} of all columns except the two hashes (see {@link
 * #canonical}). Changing, removing or reordering any stored event breaks the chain from there on.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements java.io.Serializable {
  public static final String GENESIS = "0".repeat(64);

  /** How {@link #fieldChanges} shows a value that is absent. */
  public static final String NONE = "—";

  @Id private long seq;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 64)
  private String actor;

  /** The actor's roles at the time, sorted, comma-separated. */
  @Column(name = "actor_roles", nullable = false, length = 200)
  private String actorRoles;

  @Column(nullable = false, length = 64)
  private String action;

  @Column(name = "entity_type", nullable = false, length = 64)
  private String entityType;

  @Column(name = "entity_id", length = 200)
  private String entityId;

  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "entity_version")
  private Long entityVersion;

  /** Canonical JSON: {"field":{"after":…,"before":…}} for the fields that changed. */
  @Column(nullable = false)
  private String changes;

  private String reason;

  @Column(name = "request_id", length = 64)
  private String requestId;

  @Column(name = "client_address", length = 64)
  private String clientAddress;

  @Column(name = "prev_hash", nullable = false, length = 64)
  private String prevHash;

  @Column(nullable = false, length = 64)
  private String hash;

  protected AuditEvent() {}

  /** Everything an event says, before it has a place in the chain. */
  public record Content(
      Instant occurredAt,
      String actor,
      String actorRoles,
      String action,
      String entityType,
      String entityId,
      Long caseId,
      Long entityVersion,
      String changes,
      String reason,
      String requestId,
      String clientAddress) {
    public Content {
      // the database keeps microseconds: a finer time would be hashed but not stored
      occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
      Objects.requireNonNull(actor);
      Objects.requireNonNull(actorRoles);
      Objects.requireNonNull(action);
      Objects.requireNonNull(entityType);
      Objects.requireNonNull(changes);
    }
  }

  private AuditEvent(long seq, Content c, String prevHash, String hash) {
    this.seq = seq;
    this.prevHash = Objects.requireNonNull(prevHash);
    this.hash = Objects.requireNonNull(hash);
    this.occurredAt = c.occurredAt();
    this.actor = c.actor();
    this.actorRoles = c.actorRoles();
    this.action = c.action();
    this.entityType = c.entityType();
    this.entityId = c.entityId();
    this.caseId = c.caseId();
    this.entityVersion = c.entityVersion();
    this.changes = c.changes();
    this.reason = c.reason();
    this.requestId = c.requestId();
    this.clientAddress = c.clientAddress();
  }

  /**
   * The next link: the content placed at {@code seq} after the event whose hash is {@code
   * prevHash}.
   */
  static AuditEvent append(long seq, String prevHash, Content c) {
    return new AuditEvent(seq, c, prevHash, hash(prevHash, canonical(seq, c)));
  }

  /** An event as read back from the database, hashes as stored (so verification can check them). */
  static AuditEvent stored(long seq, Content c, String prevHash, String hash) {
    return new AuditEvent(seq, c, prevHash, hash);
  }

  /** Whether the stored hash is the hash of the stored content after the stored previous hash. */
  public boolean hashMatchesContent() {
    return hash.equals(hash(prevHash, canonical(seq, content())));
  }

  /**
   * The canonical form of an event: its columns (but the hashes) as sorted-key JSON, the text that
   * {@link CanonicalJson#write} gives for them. Written key by key in sorted order, without a map
   * per event: verification does this a million times (CanonicalJsonTest checks it is the same).
   */
  public static String canonical(long seq, Content c) {
    StringBuilder out = new StringBuilder(400 + c.changes().length());
    out.append('{');
    field(out, "action", c.action());
    field(out, "actor", c.actor());
    field(out, "actorRoles", c.actorRoles());
    field(out, "caseId", c.caseId());
    field(out, "changes", c.changes());
    field(out, "clientAddress", c.clientAddress());
    field(out, "entityId", c.entityId());
    field(out, "entityType", c.entityType());
    field(out, "entityVersion", c.entityVersion());
    field(out, "occurredAt", c.occurredAt().toString());
    field(out, "reason", c.reason());
    field(out, "requestId", c.requestId());
    field(out, "seq", seq);
    return out.append('}').toString();
  }

  private static void field(StringBuilder out, String key, String value) {
    name(out, key);
    if (value == null) {
      out.append("null");
    } else {
      CanonicalJson.appendString(out, value);
    }
  }

  private static void field(StringBuilder out, String key, Long value) {
    name(out, key);
    out.append(value == null ? "null" : value.toString());
  }

  private static void name(StringBuilder out, String key) {
    out.append(out.length() > 1 ? ",\"" : "\"").append(key).append("\":");
  }

  public static String hash(String prevHash, String canonicalEvent) {
    return Sha256.hex(prevHash + canonicalEvent);
  }

  public Content content() {
    return new Content(
        occurredAt,
        actor,
        actorRoles,
        action,
        entityType,
        entityId,
        caseId,
        entityVersion,
        changes,
        reason,
        requestId,
        clientAddress);
  }

  public long seq() {
    return seq;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String actorRoles() {
    return actorRoles;
  }

  public String action() {
    return action;
  }

  public String entityType() {
    return entityType;
  }

  public Optional<String> entityId() {
    return Optional.ofNullable(entityId);
  }

  public Optional<Long> caseId() {
    return Optional.ofNullable(caseId);
  }

  public Optional<Long> entityVersion() {
    return Optional.ofNullable(entityVersion);
  }

  public String changes() {
    return changes;
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  public Optional<String> clientAddress() {
    return Optional.ofNullable(clientAddress);
  }

  /** One changed field, values as JSON text ("null" when absent). */
  public record FieldChange(String field, String before, String after) {}

  /** The changes as rows, for people to read. */
  public List<FieldChange> fieldChanges() {
    JsonObject fields = Json.createReader(new StringReader(changes)).readObject();
    return fields.entrySet().stream()
        .map(
            e -> {
              JsonObject beforeAfter = e.getValue().asJsonObject();
              return new FieldChange(
                  e.getKey(),
                  readable(beforeAfter.get("before")),
                  readable(beforeAfter.get("after")));
            })
        .toList();
  }

  private static String readable(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return NONE;
    }
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
