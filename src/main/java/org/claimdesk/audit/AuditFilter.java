package org.claimdesk.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.platform.InvalidValue;

/**
 * What auditors narrow the log to; every part is optional. {@code to} is exclusive. {@code caseId}
 * selects a case's story: the events recorded with the case's id (the case, its evidence and files,
 * notes, verdict, reviews, publication) and the events of its claim (captured and linked to
 * appearances before any case existed, so found through {@code fact_case.claim_id}).
 */
public record AuditFilter(
    String actor,
    String action,
    String entityType,
    String entityId,
    Long caseId,
    Instant from,
    Instant to)
    implements java.io.Serializable {

  public static final AuditFilter EVERYTHING =
      new AuditFilter(null, null, null, null, null, null, null);

  public AuditFilter {
    actor = blankToNull(actor);
    action = blankToNull(action);
    entityType = blankToNull(entityType);
    entityId = blankToNull(entityId);
    if (action != null && !Change.isActionCode(action)) {
      throw new InvalidValue("action", "refusal.audit.action", action);
    }
    if (caseId != null && caseId < 1) {
      throw new InvalidValue("case", "refusal.audit.case");
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidValue("to", "refusal.audit.period");
    }
  }

  /** One case's story. */
  public static AuditFilter ofCase(long caseId) {
    return new AuditFilter(null, null, null, null, caseId, null, null);
  }

  /** The SQL condition (empty for everything) whose parameters {@link #parameters} gives. */
  String where() {
    List<String> conditions = new ArrayList<>();
    if (actor != null) conditions.add("actor = ?");
    if (action != null) conditions.add("action = ?");
    if (entityType != null) conditions.add("entity_type = ?");
    if (entityId != null) conditions.add("entity_id = ?");
    if (caseId != null) conditions.add(CASE_STORY);
    if (from != null) conditions.add("occurred_at >= ?");
    if (to != null) conditions.add("occurred_at < ?");
    return String.join(" AND ", conditions);
  }

  /**
   * "Newest first" as the database can read it straight from an index: the column an equality
   * filter fixes comes first (it changes nothing about the order), so H2 walks the index (column,
   * seq) backwards instead of sorting every matching row — 1 ms instead of 10 s at a million events
   * (docs/benchmarks.md).
   */
  String newestFirst() {
    if (caseId != null) {
      return "seq DESC"; // a case's few events, found through their seq (CASE_STORY)
    }
    if (entityType != null && entityId != null) {
      return "entity_type DESC, entity_id DESC, seq DESC";
    }
    if (actor != null) {
      return "actor DESC, seq DESC";
    }
    if (action != null) {
      return "action DESC, seq DESC";
    }
    return "seq DESC";
  }

  /**
   * Two index lookups (audit_event_case, audit_event_entity) joined by sequence number, so a case's
   * story costs the same in a log of a thousand or of millions of events (docs/benchmarks.md).
   */
  private static final String CASE_STORY =
      "seq IN (SELECT seq FROM audit_event WHERE case_id = ?"
          + " UNION ALL SELECT e.seq FROM fact_case c JOIN audit_event e"
          + " ON e.entity_type = 'claim' AND e.entity_id = CAST(c.claim_id AS VARCHAR(200))"
          + " WHERE c.id = ?)";

  List<Object> parameters() {
    List<Object> parameters = new ArrayList<>();
    if (actor != null) parameters.add(actor);
    if (action != null) parameters.add(action);
    if (entityType != null) parameters.add(entityType);
    if (entityId != null) parameters.add(entityId);
    if (caseId != null) {
      parameters.add(caseId);
      parameters.add(caseId);
    }
    if (from != null) parameters.add(Timestamp.from(from));
    if (to != null) parameters.add(Timestamp.from(to));
    return parameters;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
