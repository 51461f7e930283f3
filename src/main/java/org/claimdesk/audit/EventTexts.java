package org.claimdesk.audit;

import java.text.Collator;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * How events read to people, in German or English, from the UI message bundles: a readable name per
 * action ({@code audit.action.<code>}) and a sentence ({@code audit.sentence.<code>}). A new action
 * needs only these two bundle lines; without them it still shows, by its code.
 *
 * <p>Sentence arguments: {0} who (display name), {1} what (an evidence label such as E2, else the
 * entity id), {2} the action's readable name, {3} the entity type, {4} what it says (summary,
 * statement, note, file name …, shortened).
 */
public final class EventTexts {
  static final String BUNDLE = "org.claimdesk.platform.i18n.messages";
  static final String ACTION = "audit.action.";
  static final String SENTENCE = "audit.sentence.";

  /** The fields whose text names what an event is about, most telling first. */
  private static final List<String> SUBJECT_FIELDS =
      List.of(
          "summary",
          "statement",
          "title",
          "body",
          "comment",
          "note",
          "conclusion",
          "fileName",
          "displayName",
          "name",
          "quote");

  static final int SUBJECT_LENGTH = 80;

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Function<String, String> displayNames;

  /** {@code displayNames}: a username's display name (the username itself if unknown). */
  public EventTexts(Locale locale, Function<String, String> displayNames) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    this.displayNames = displayNames;
  }

  /** A readable action and what part of a story it tells. */
  public record ActionName(String code, String name, StoryKind kind) {}

  /** "Evidence added" for evidence.added; the code itself for an action without a name. */
  public String actionName(String code) {
    return bundle.containsKey(ACTION + code) ? bundle.getString(ACTION + code) : code;
  }

  /** Every named action, alphabetically by name in this language. */
  public List<ActionName> actions() {
    Collator collator = Collator.getInstance(locale);
    return bundle.keySet().stream()
        .filter(k -> k.startsWith(ACTION))
        .map(k -> k.substring(ACTION.length()))
        .map(code -> new ActionName(code, actionName(code), StoryKind.of(code)))
        .sorted(Comparator.comparing(ActionName::name, collator))
        .toList();
  }

  public String kindName(StoryKind kind) {
    return bundle.getString("audit.kind." + kind.wireName());
  }

  /** "Lena Fischer added evidence E2 “Die Statistik …”." */
  public String sentence(AuditEvent event) {
    String key = SENTENCE + event.action();
    String pattern = bundle.getString(bundle.containsKey(key) ? key : SENTENCE + "other");
    List<AuditEvent.FieldChange> changes = event.fieldChanges();
    return new MessageFormat(pattern, locale)
        .format(
            new Object[] {
              displayNames.apply(event.actor()),
              value(changes, "label").orElse(event.entityId().orElse("")),
              actionName(event.action()),
              event.entityType(),
              subject(changes)
            });
  }

  private static String subject(List<AuditEvent.FieldChange> changes) {
    String text =
        SUBJECT_FIELDS.stream()
            .map(f -> value(changes, f))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse("")
            .strip()
            .replaceAll("\\s+", " ");
    return text.length() <= SUBJECT_LENGTH ? text : text.substring(0, SUBJECT_LENGTH - 1) + "…";
  }

  /** The field's value after the change, or before it if it was removed. */
  private static Optional<String> value(List<AuditEvent.FieldChange> changes, String field) {
    return changes.stream()
        .filter(c -> c.field().equals(field))
        .map(c -> c.after().equals(AuditEvent.NONE) ? c.before() : c.after())
        .filter(v -> !v.equals(AuditEvent.NONE))
        .findFirst();
  }
}
