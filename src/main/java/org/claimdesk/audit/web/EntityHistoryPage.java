package org.claimdesk.audit.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.audit.AuditLog;
import org.claimdesk.platform.web.Feedback;

/**
 * "History" of one thing ({@code history.xhtml?type=account&id=factchecker}): its story in events.
 */
@Named
@RequestScoped
public class EntityHistoryPage {
  @Inject AuditLog log;

  private String type;
  private String id;
  private List<AuditEvent> events = List.of();

  public void load() {
    if (type != null && id != null) {
      List<AuditEvent> found = Feedback.attemptGet(() -> log.timeline(type, id), null);
      events = found == null ? List.of() : found;
    }
  }

  /** The sentence for an event in the viewer's language: "Jonas disabled the account x". */
  public String sentence(AuditEvent event) {
    String key = "audit.sentence." + event.action();
    String template = Feedback.hasText(key) ? key : "audit.sentence.other";
    return Feedback.text(
        template, event.actor(), event.entityId().orElse(""), event.action(), event.entityType());
  }

  public List<AuditEvent> getEvents() {
    return events;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
