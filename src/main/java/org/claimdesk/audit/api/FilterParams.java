package org.claimdesk.audit.api;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.claimdesk.audit.AuditFilter;

/** The audit log's filter as query parameters, shared by search and export. */
public class FilterParams {
  @QueryParam("actor")
  String actor;

  @QueryParam("action")
  String action;

  @QueryParam("entityType")
  String entityType;

  @QueryParam("entityId")
  String entityId;

  @QueryParam("caseId")
  Long caseId;

  /** ISO-8601 instant, inclusive. */
  @QueryParam("from")
  String from;

  /** ISO-8601 instant, exclusive. */
  @QueryParam("to")
  String to;

  AuditFilter toFilter() {
    return new AuditFilter(
        actor, action, entityType, entityId, caseId, instant("from", from), instant("to", to));
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant such as 2026-11-23T08:00:00Z.");
    }
  }
}
