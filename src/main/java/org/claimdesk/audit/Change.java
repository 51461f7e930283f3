package org.claimdesk.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a use case changed, in the newsroom's words: the action ("account.disabled"), the thing it
 * changed, the fields that really changed (before and after), and the reason. Services build one
 * and hand it to {@link AuditTrail#record}.
 */
public final class Change {
  private final String action;
  private final String entityType;
  private final String entityId;
  private final Audited entity;
  private final Map<String, Map<String, Object>> fields = new TreeMap<>();
  private Long caseId;
  private String reason;
  private String actor;
  private String actorRoles;

  private Change(String action, String entityType, String entityId, Audited entity) {
    if (!isActionCode(action)) {
      throw new IllegalArgumentException(
          "An audit action looks like 'account.disabled': " + action);
    }
    this.action = action;
    this.entityType = Objects.requireNonNull(entityType);
    this.entityId = fitted(entityId, ENTITY_ID_LENGTH);
    this.entity = entity;
  }

  /** Whether this looks like an action: "account.disabled", "claim.appearance-linked". */
  public static boolean isActionCode(String action) {
    return action != null && action.matches("[a-z][a-z-]*(\\.[a-z][a-z-]*)+");
  }

  /** A change of an audited entity. */
  public static Change of(String action, Audited entity) {
    return new Change(action, entity.auditType(), entity.auditId(), entity);
  }

  /** An event about something that is not an audited entity (a refused request, a failed login). */
  public static Change about(String action, String entityType, String entityId) {
    return new Change(action, entityType, entityId, null);
  }

  /** Records the field if it changed; collections are compared and stored sorted. */
  public Change field(String name, Object before, Object after) {
    Object b = normalised(before);
    Object a = normalised(after);
    if (!Objects.equals(b, a)) {
      Map<String, Object> beforeAfter = new TreeMap<>();
      beforeAfter.put("before", b);
      beforeAfter.put("after", a);
      fields.put(name, beforeAfter);
    }
    return this;
  }

  /** A value that is new (creation) – before is null. */
  public Change set(String name, Object value) {
    return field(name, null, value);
  }

  public Change inCase(Long caseId) {
    this.caseId = caseId;
    return this;
  }

  public Change because(String reason) {
    this.reason = reason == null || reason.isBlank() ? null : reason.strip();
    return this;
  }

  /** For events whose actor is not the signed-in caller: logins, start-up work. */
  public Change by(String actor, Collection<String> roles) {
    this.actor = fitted(Objects.requireNonNull(actor), ACTOR_LENGTH);
    this.actorRoles = String.join(",", new java.util.TreeSet<>(roles));
    return this;
  }

  /** Column sizes of audit_event; what people type (a user name, a path) may be longer. */
  static final int ACTOR_LENGTH = 64;

  static final int ENTITY_ID_LENGTH = 200;

  /** Shortened to fit its column, marked with "…", so the event is never lost to its length. */
  static String fitted(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
  }

  private static Object normalised(Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).sorted().toList();
    }
    if (value instanceof Optional<?> optional) {
      return normalised(optional.orElse(null));
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    return value;
  }

  String action() {
    return action;
  }

  String entityType() {
    return entityType;
  }

  String entityId() {
    return entityId;
  }

  Optional<Audited> entity() {
    return Optional.ofNullable(entity);
  }

  Long caseId() {
    return caseId;
  }

  String reason() {
    return reason;
  }

  String changesJson() {
    return CanonicalJson.write(fields);
  }

  /** True when no field really changed: such a change needs no event. */
  public boolean changedNothing() {
    return fields.isEmpty();
  }

  Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  String actorRoles() {
    return actorRoles;
  }
}
