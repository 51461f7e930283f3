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

  /** A case's story: the case and everything that belongs to it. */
  @QueryParam("case")
  String caseId;

  /** The older name of {@code case}. */
  @QueryParam("caseId")
  String caseIdOlderName;

  /** ISO-8601 instant, inclusive. */
  @QueryParam("from")
  String from;

  /** ISO-8601 instant, exclusive. */
  @QueryParam("to")
  String to;

  AuditFilter toFilter() {
    Long c = id("case", caseId);
    Long older = id("caseId", caseIdOlderName);
    if (c != null && older != null && !c.equals(older)) {
      throw new IllegalArgumentException("case and caseId name different cases; send case only.");
    }
    return new AuditFilter(
        actor,
        action,
        entityType,
        entityId,
        c != null ? c : older,
        instant("from", from),
        instant("to", to));
  }

  private static Long id(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        name + " must be a case id (a positive number), not '" + value + "'.");
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
