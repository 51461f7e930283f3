package org.claimdesk.audit.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.claimdesk.audit.AuditFilter;
import org.claimdesk.platform.api.StrictParams;

/**
 * The audit log's filter as query parameters, shared by search, verification and export. Ids and
 * instants are typed (a bad one is a 400 naming it); the filter checks the rest.
 */
public class FilterParams {
  @QueryParam("actor")
  @Size(max = 64)
  String actor;

  @QueryParam("action")
  @Size(max = 64)
  String action;

  @QueryParam("entityType")
  @Size(max = 64)
  String entityType;

  @QueryParam("entityId")
  @Size(max = 200)
  String entityId;

  /** A case's story: the case and everything that belongs to it. */
  @QueryParam("case")
  Long story;

  /** The older name of {@code case}. */
  @QueryParam("caseId")
  Long caseId;

  /** Inclusive. */
  @QueryParam("from")
  Instant from;

  /** Exclusive. */
  @QueryParam("to")
  Instant to;

  AuditFilter toFilter() {
    positive("case", story);
    positive("caseId", caseId);
    if (story != null && caseId != null && !story.equals(caseId)) {
      throw new StrictParams.Unreadable("caseId", "names another case than case; send case only");
    }
    return new AuditFilter(
        actor, action, entityType, entityId, story != null ? story : caseId, from, to);
  }

  private static void positive(String name, Long id) {
    if (id != null && id < 1) {
      throw new StrictParams.Unreadable(name, "must be a case id (a positive number)");
    }
  }
}
