package org.claimdesk.audit.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.audit.AuditFilter;
import org.claimdesk.audit.AuditLog;
import org.claimdesk.audit.EventTexts;
import org.claimdesk.platform.web.DateDisplay;
import org.claimdesk.platform.web.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * "Audit log": the filtered log (by person, action, thing, case and period), newest first, paged on
 * the server with a capped count; export links for the same filter; chain verification that also
 * says whether the events shown are intact. Filters are view parameters, so URLs bookmark.
 */
@Named
@ViewScoped
public class AuditLogPage implements Serializable {
  @Inject AuditLog log;
  @Inject DateDisplay dates;
  @Inject AuditWords words;

  private String actor;
  private String action;
  private String entityType;
  private String entityId;
  private Long caseId;
  private LocalDate from;
  private LocalDate to;
  private AuditLog.ShownVerification verification;
  private Integer cappedCount;

  /** The filter last applied; a filter that does not make sense keeps the previous one. */
  private AuditFilter applied = AuditFilter.EVERYTHING;

  private final LazyDataModel<AuditEvent> events =
      new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          if (cappedCount == null) {
            cappedCount = log.countUpToCap(applied);
          }
          return cappedCount;
        }

        @Override
        public List<AuditEvent> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return log.newestFirst(applied, null, first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
          return String.valueOf(event.seq());
        }
      };

  AuditFilter filter() {
    ZoneId zone = dates.zone();
    return new AuditFilter(
        actor,
        action,
        entityType,
        entityId,
        caseId,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** Applies the filter fields (also on page load, for bookmarked URLs); counting starts afresh. */
  public void search() {
    AuditFilter wanted = Feedback.attemptGet(this::filter, null);
    if (wanted != null) {
      applied = wanted;
      cappedCount = null;
    }
  }

  /** Verifies the whole chain, and whether the events the filter shows lie in its intact part. */
  public void verify() {
    verification = Feedback.attemptGet(() -> log.verifyShown(applied), null);
  }

  /** The actions to filter by, by their readable names in the viewer's language. */
  public List<EventTexts.ActionName> getActions() {
    return new EventTexts(FacesContext.getCurrentInstance().getViewRoot().getLocale(), u -> u)
        .actions();
  }

  public String actionName(String code) {
    return getTexts().actionName(code);
  }

  /** Entity types, fields, recorded values and reasons in words of the viewer's language. */
  public EventTexts getTexts() {
    return words.texts(u -> u);
  }

  /**
   * Shown above the table: exact up to the cap, "more than 10,000" beyond, in the viewer's
   * language.
   */
  public String getCountText() {
    int count = events.count(Map.of());
    return count > AuditLog.COUNT_CAP
        ? Feedback.text("audit.countCapped", AuditLog.COUNT_CAP)
        : Feedback.text("audit.count", count);
  }

  public String getVerificationText() {
    return VerificationTexts.chain(verification);
  }

  public String getShownText() {
    return VerificationTexts.shown(verification);
  }

  /** The export URL for the current filter ({@code format} csv or jsonl). */
  public String exportUrl(String format) {
    AuditFilter f = applied;
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("format", format);
    query.put("actor", f.actor());
    query.put("action", f.action());
    query.put("entityType", f.entityType());
    query.put("entityId", f.entityId());
    query.put("case", f.caseId());
    query.put("from", f.from());
    query.put("to", f.to());
    return "api/audit/export?"
        + query.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  public LazyDataModel<AuditEvent> getEvents() {
    return events;
  }

  public AuditLog.ShownVerification getVerification() {
    return verification;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getEntityType() {
    return entityType;
  }

  public void setEntityType(String entityType) {
    this.entityType = entityType;
  }

  public String getEntityId() {
    return entityId;
  }

  public void setEntityId(String entityId) {
    this.entityId = entityId;
  }

  public Long getCaseId() {
    return caseId;
  }

  public void setCaseId(Long caseId) {
    this.caseId = caseId;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
