package org.claimdesk.audit;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.text.Collator;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimdesk.platform.EnglishWords;

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

  /** Where a field's recorded value is an enum constant, the bundle prefix of its words. */
  private static final Map<String, String> VALUE_WORDS =
      Map.of(
          "status", "case.status.",
          "priority", "case.priority.",
          "stance", "evidence.stance.",
          "reliability", "source.reliability.",
          "roles", "role.",
          "correction", "public.correction.",
          "evidence.kind", "evidence.kind.",
          "source.kind", "source.kind.",
          "claimant.kind", "claimant.kind.");

  /** Actions whose reason ClaimDesk wrote itself (in English), not a person. */
  private static final Set<String> SYSTEM_REASONS =
      Set.of("access.refused", "login.failed", "login.refused", "login.token-refused");

  /** The bundle texts such a reason is made from. */
  private static final List<String> REASON_WORDS =
      List.of("refusal.", "audit.reason.", "role.", "words.");

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Function<String, String> displayNames;
  private final ZoneId zone;
  private final Map<String, Map<String, String>> valueWords;

  /** {@code displayNames}: a username's display name (the username itself if unknown). */
  public EventTexts(Locale locale, Function<String, String> displayNames) {
    this(locale, displayNames, ZoneOffset.UTC, Map.of());
  }

  /**
   * As above, with instants in changes shown in the newsroom's time {@code zone}, and the words
   * other features give for their recorded values ({@link RecordedValueWords}).
   */
  public EventTexts(
      Locale locale,
      Function<String, String> displayNames,
      ZoneId zone,
      Map<String, Map<String, String>> valueWords) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    this.displayNames = displayNames;
    this.zone = zone;
    this.valueWords = valueWords;
  }

  /** "Beleg" for evidence; the type itself when the bundles have no word for it. */
  public String entityName(String type) {
    return words("audit.entity." + type).orElse(type);
  }

  /** "Letzte Anmeldung" for lastLoginAt; the field itself when the bundles have no word for it. */
  public String fieldName(String field) {
    return words("audit.field." + field).orElse(field);
  }

  /**
   * A recorded value as words: a status, priority, stance, role … by its name, days and instants in
   * the language's form, true and false as yes and no; lists item by item. Anything else (what
   * people wrote, ids, hashes) as recorded.
   */
  public String value(String entityType, String field, String value) {
    if (value == null || value.equals(AuditEvent.NONE)) {
      return AuditEvent.NONE;
    }
    if (value.startsWith("[") && value.endsWith("]")) {
      try (JsonReader reader = Json.createReader(new StringReader(value))) {
        return reader.readArray().stream()
            .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
            .map(v -> value(entityType, field, v))
            .collect(Collectors.joining(", "));
      } catch (JsonException notAList) {
        return value;
      }
    }
    String owned = valueWords.getOrDefault(field, Map.of()).get(value);
    if (owned != null) {
      return owned;
    }
    String prefix = VALUE_WORDS.getOrDefault(entityType + "." + field, VALUE_WORDS.get(field));
    if (prefix != null && bundle.containsKey(prefix + value)) {
      return bundle.getString(prefix + value);
    }
    if (value.equals("true") || value.equals("false")) {
      return bundle.getString("audit.value." + value);
    }
    if (DAY.matcher(value).matches()) {
      return "de".equals(locale.getLanguage())
          ? DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.parse(value))
          : value;
    }
    if (INSTANT.matcher(value).matches()) {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
          .withLocale(locale)
          .withZone(zone)
          .format(Instant.parse(value));
    }
    return value;
  }

  /**
   * Why: what a person wrote as it is; what ClaimDesk recorded itself for a refusal or a failed
   * sign-in (in English, in the chain) in the viewer's language.
   */
  public String reason(AuditEvent event) {
    String reason = event.reason().orElse("");
    return SYSTEM_REASONS.contains(event.action())
        ? EnglishWords.inLanguage(reason, locale, REASON_WORDS)
        : reason;
  }

  private Optional<String> words(String key) {
    return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
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
