package org.claimdesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What auditors narrow the log to; every part is optional. {@code to} is exclusive. */
public record AuditFilter(
    String actor,
    String action,
    String entityType,
    String entityId,
    Long caseId,
    Instant from,
    Instant to) {

  public static final AuditFilter EVERYTHING =
      new AuditFilter(null, null, null, null, null, null, null);

  public AuditFilter {
    actor = blankToNull(actor);
    action = blankToNull(action);
    entityType = blankToNull(entityType);
    entityId = blankToNull(entityId);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("The period must end after it begins.");
    }
  }

  /** The SQL condition (empty for everything) whose parameters {@link #parameters} gives. */
  String where() {
    List<String> conditions = new ArrayList<>();
    if (actor != null) conditions.add("actor = ?");
    if (action != null) conditions.add("action = ?");
    if (entityType != null) conditions.add("entity_type = ?");
    if (entityId != null) conditions.add("entity_id = ?");
    if (caseId != null) conditions.add("case_id = ?");
    if (from != null) conditions.add("occurred_at >= ?");
    if (to != null) conditions.add("occurred_at < ?");
    return String.join(" AND ", conditions);
  }

  List<Object> parameters() {
    List<Object> parameters = new ArrayList<>();
    if (actor != null) parameters.add(actor);
    if (action != null) parameters.add(action);
    if (entityType != null) parameters.add(entityType);
    if (entityId != null) parameters.add(entityId);
    if (caseId != null) parameters.add(caseId);
    if (from != null) parameters.add(Timestamp.from(from));
    if (to != null) parameters.add(Timestamp.from(to));
    return parameters;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
