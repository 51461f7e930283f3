package org.claimdesk.audit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.claimdesk.audit.AuditEvent;
import org.claimdesk.audit.AuditLog;
import org.claimdesk.audit.EventTexts;
import org.claimdesk.audit.StoryKind;
import org.claimdesk.identity.Accounts;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.web.Feedback;

/**
 * "History" of one thing ({@code history.xhtml?type=account&id=factchecker}): its story in events.
 * For a case ({@code type=case}) the whole story of the case and of what belongs to it, filterable
 * by kind ({@code kind=evidence}), with the chain verified for the events shown.
 */
@Named
@ViewScoped
public class EntityHistoryPage implements Serializable {
  public static final String CASE = "case";

  @Inject AuditLog log;
  @Inject Accounts accounts;
  @Inject AuditWords words;

  private String type;
  private String id;
  private String kind;
  private List<AuditEvent> all = List.of();
  private List<AuditEvent> events = List.of();
  private Map<String, String> names = Map.of();
  private AuditLog.ShownVerification verification;

  public void load() {
    if (type == null || id == null) {
      return;
    }
    List<AuditEvent> found =
        Feedback.attemptGet(
            () -> isCaseStory() ? log.story(caseId()) : log.timeline(type, id), null);
    all = found == null ? List.of() : found;
    StoryKind only = kind == null || kind.isBlank() ? null : Feedback.attemptGet(this::kind, null);
    events =
        only == null ? all : all.stream().filter(e -> StoryKind.of(e.action()) == only).toList();
    names = Feedback.attemptGet(accounts::displayNames, null);
    if (names == null) {
      names = Map.of();
    }
  }

  private long caseId() {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput("refusal.audit.caseNumber", id);
    }
  }

  private StoryKind kind() {
    return StoryKind.ofWireName(kind.strip());
  }

  /** Verifies the whole chain and whether the events shown lie in its intact part. */
  public void verify() {
    verification = Feedback.attemptGet(() -> log.verifyShown(events), null);
  }

  public boolean isCaseStory() {
    return CASE.equals(type);
  }

  /** Entity types, fields, recorded values and reasons in words of the viewer's language. */
  public EventTexts getTexts() {
    return words.texts(username -> names.getOrDefault(username, username));
  }

  /** The sentence for an event in the viewer's language: "Lena Fischer added evidence E2 …". */
  public String sentence(AuditEvent event) {
    return getTexts().sentence(event);
  }

  public String actionName(AuditEvent event) {
    return getTexts().actionName(event.action());
  }

  /** The kinds a case's story can be narrowed to, in story order. */
  public List<StoryKind> getKinds() {
    return Arrays.stream(StoryKind.values()).filter(k -> k != StoryKind.OTHER).toList();
  }

  public String kindName(StoryKind k) {
    return getTexts().kindName(k);
  }

  /** How many events of the story are of this kind (all of them for null). */
  public long count(StoryKind k) {
    return k == null ? all.size() : all.stream().filter(e -> StoryKind.of(e.action()) == k).count();
  }

  public boolean shows(StoryKind k) {
    return k == null ? kind == null || kind.isBlank() : k.wireName().equals(kind);
  }

  /** The case's title as opened (the story's own words), if the story has its opening. */
  public String getCaseTitle() {
    return all.stream()
        .filter(e -> e.action().equals("case.opened"))
        .flatMap(e -> e.fieldChanges().stream())
        .filter(c -> c.field().equals("title"))
        .map(AuditEvent.FieldChange::after)
        .findFirst()
        .orElse("");
  }

  public String getCountText() {
    return Feedback.text("audit.count", events.size());
  }

  public String getVerificationText() {
    return VerificationTexts.chain(verification);
  }

  public String getShownText() {
    return VerificationTexts.shown(verification);
  }

  public AuditLog.ShownVerification getVerification() {
    return verification;
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

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
