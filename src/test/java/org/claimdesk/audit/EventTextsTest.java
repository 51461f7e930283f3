package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimdesk.casework.CaseAction;
import org.junit.jupiter.api.Test;

/** How events read: readable action names and sentences in German and English, kinds of story. */
class EventTextsTest {
  static final Map<String, String> PEOPLE = Map.of("factchecker", "Lena Fischer");
  static final EventTexts GERMAN = new EventTexts(Locale.GERMAN, EventTextsTest::name);
  static final EventTexts ENGLISH = new EventTexts(Locale.ENGLISH, EventTextsTest::name);

  static String name(String username) {
    return PEOPLE.getOrDefault(username, username);
  }

  static AuditEvent event(String action, String type, String id, Change change) {
    return AuditEvent.append(
        7,
        AuditEvent.GENESIS,
        new AuditEvent.Content(
            Instant.parse("2026-11-23T08:00:00Z"),
            "factchecker",
            "FACT_CHECKER",
            action,
            type,
            id,
            12L,
            1L,
            change.changesJson(),
            null,
            null,
            null));
  }

  @Test
  void addedEvidenceReadsAsASentenceWithItsLabelAndSummaryInBothLanguages() {
    AuditEvent added =
        event(
            "evidence.added",
            "evidence",
            "345",
            Change.about("evidence.added", "evidence", "345")
                .set("label", "E2")
                .set("summary", "Die Statistik der Behörde nennent eine andere Zahl.")
                .set("url", "https://example.org/statistik"));
    assertEquals(
        "Lena Fischer hat Beleg E2 „Die Statistik der Behörde nennent eine andere Zahl.“"
            + " hinzugefügt.",
        GERMAN.sentence(added));
    assertEquals(
        "Lena Fischer added evidence E2 “Die Statistik der Behörde nennent eine andere Zahl.”.",
        ENGLISH.sentence(added));
    assertEquals("Beleg hinzugefügt", GERMAN.actionName("evidence.added"));
    assertEquals("Evidence added", ENGLISH.actionName("evidence.added"));
  }

  @Test
  void aLongTextIsShortenedInTheSentenceButNotInTheEvent() {
    String note = "Bitte prüfen: " + "sehr ".repeat(40) + "lang.";
    AuditEvent written =
        event(
            "note.written",
            "note",
            "9",
            Change.about("note.written", "note", "9").set("body", note));
    String sentence = ENGLISH.sentence(written);
    assertTrue(sentence.startsWith("Lena Fischer wrote a note: “Bitte prüfen: sehr"), sentence);
    assertTrue(sentence.endsWith("…”."), sentence);
    assertEquals(note, written.fieldChanges().get(0).after());
  }

  @Test
  void anActionWithoutBundleLinesStillShowsByItsCode() {
    AuditEvent unknown =
        event(
            "verdict.something-new",
            "verdict",
            "4",
            Change.about("verdict.something-new", "verdict", "4").set("x", 1));
    assertEquals("verdict.something-new", GERMAN.actionName("verdict.something-new"));
    assertEquals("Lena Fischer: verdict.something-new (verdict 4).", GERMAN.sentence(unknown));
    assertEquals(StoryKind.VERDICT, StoryKind.of("verdict.something-new"));
  }

  @Test
  void everyActionClaimDeskRecordsHasANameAndASentenceInGermanAndEnglish() {
    Set<String> recorded = recordedActions();
    assertTrue(recorded.size() > 40, "actions found in the code: " + recorded);
    for (EventTexts texts : List.of(GERMAN, ENGLISH)) {
      Set<String> named = new TreeSet<>();
      texts.actions().forEach(a -> named.add(a.code()));
      Set<String> missing = new TreeSet<>(recorded);
      missing.removeAll(named);
      assertEquals(Set.of(), missing, "actions without a readable name");
      Set<String> stale = new TreeSet<>(named);
      stale.removeAll(recorded);
      assertEquals(Set.of(), stale, "names of actions nothing records");
      for (String action : recorded) {
        AuditEvent e = event(action, "x", "1", Change.about(action, "x", "1").set("a", 1));
        assertTrue(!texts.sentence(e).contains(action), "a sentence for " + action);
      }
    }
  }

  @Test
  void aCasesStoryFallsIntoKinds() {
    assertEquals(StoryKind.CLAIM, StoryKind.of("claim.appearance-linked"));
    assertEquals(StoryKind.STATUS, StoryKind.of("case.opened"));
    assertEquals(StoryKind.EVIDENCE, StoryKind.of("evidence.file-attached"));
    assertEquals(StoryKind.NOTES, StoryKind.of("note.written"));
    assertEquals(StoryKind.VERDICT, StoryKind.of("verdict.revised"));
    assertEquals(StoryKind.REVIEW, StoryKind.of("case.request-changes"));
    assertEquals(StoryKind.REVIEW, StoryKind.of("verdict.commented"));
    assertEquals(StoryKind.PUBLICATION, StoryKind.of("case.correct"));
    assertEquals(StoryKind.PUBLICATION, StoryKind.of("verdict.published"));
    assertEquals(StoryKind.OTHER, StoryKind.of("login.failed"));
    for (StoryKind kind : StoryKind.values()) {
      assertEquals(kind, StoryKind.ofWireName(kind.wireName()));
      assertTrue(!GERMAN.kindName(kind).isBlank() && !ENGLISH.kindName(kind).isBlank());
    }
  }

  /** The action codes in the source: literal ones and the case's workflow steps. */
  static Set<String> recordedActions() {
    Pattern literal = Pattern.compile("Change\\.(?:of|about)\\(\\s*\"([a-z-]+\\.[a-z.-]+)\"");
    Set<String> actions = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          actions.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Verdicts records "case." + the step; a blind cross-check has its own action
    Arrays.stream(CaseAction.values())
        .filter(a -> a != CaseAction.CROSS_CHECK)
        .forEach(a -> actions.add("case." + a.wireName()));
    return actions;
  }

  static AuditEvent refused(String action, String reason) {
    return AuditEvent.append(
        8,
        AuditEvent.GENESIS,
        new AuditEvent.Content(
            Instant.parse("2026-11-23T08:00:00Z"),
            "factchecker2",
            "FACT_CHECKER",
            action,
            "resource",
            "case 2",
            null,
            null,
            Change.about(action, "resource", "case 2").changesJson(),
            reason,
            null,
            null));
  }

  @Test
  void fieldsTypesAndValuesReadAsWordsInBothLanguages() {
    assertEquals("Letzte Anmeldung", GERMAN.fieldName("lastLoginAt"));
    assertEquals("Last sign-in", ENGLISH.fieldName("lastLoginAt"));
    assertEquals("Beleg", GERMAN.entityName("evidence"));
    assertEquals("Rating scale", ENGLISH.entityName("scale"));
    assertEquals("someNewField", GERMAN.fieldName("someNewField"), "unknown fields by their name");
    assertEquals("Veröffentlicht", GERMAN.value("case", "status", "PUBLISHED"));
    assertEquals("Approved", ENGLISH.value("case", "status", "APPROVED"));
    assertEquals(
        "Administrator:in, Prüfer:in", GERMAN.value("account", "roles", "[\"ADMIN\",\"AUDITOR\"]"));
    assertEquals("Datensatz", GERMAN.value("evidence", "kind", "DATASET"));
    assertEquals("ja", GERMAN.value("account", "enabled", "true"));
    assertEquals("no", ENGLISH.value("account", "enabled", "false"));
    assertEquals("20.06.2024", GERMAN.value("case", "dueOn", "2024-06-20"));
    assertEquals("2024-06-20", ENGLISH.value("case", "dueOn", "2024-06-20"));
    assertEquals(
        "23.11.2026, 08:00", GERMAN.value("account", "lastLoginAt", "2026-11-23T08:00:00Z"));
    assertEquals(AuditEvent.NONE, GERMAN.value("case", "dueOn", AuditEvent.NONE));
    assertEquals("Die Statistik", GERMAN.value("evidence", "summary", "Die Statistik"));
    EventTexts withRatings =
        new EventTexts(
            Locale.GERMAN,
            EventTextsTest::name,
            java.time.ZoneId.of("Europe/Berlin"),
            Map.of("rating", Map.of("FALSE", "Falsch")));
    assertEquals("Falsch", withRatings.value("verdict", "rating", "FALSE"), "words of a feature");
    assertEquals(
        "23.11.2026, 09:00",
        withRatings.value("account", "lastLoginAt", "2026-11-23T08:00:00Z"),
        "the newsroom's time");
  }

  @Test
  void reasonsClaimDeskRecordedReadInTheViewersLanguageWhatPeopleWroteAsWritten() {
    assertEquals(
        "Fall 2 ändern nur seine Bearbeiter:innen und Chef:innen vom Dienst.",
        GERMAN.reason(
            refused(
                "access.refused",
                "Only the people working case 2 and supervisors may change it.")));
    assertEquals(
        "Dafür braucht es die Rolle Chef:in vom Dienst oder Administrator:in.",
        GERMAN.reason(refused("access.refused", "This needs the role SUPERVISOR or ADMIN.")));
    assertEquals("falsches Passwort", GERMAN.reason(refused("login.failed", "wrong password")));
    assertEquals("wrong password", ENGLISH.reason(refused("login.failed", "wrong password")));
    assertEquals(
        "something nobody wrote before",
        GERMAN.reason(refused("access.refused", "something nobody wrote before")));
    assertEquals(
        "wrong password", GERMAN.reason(refused("case.request-changes", "wrong password")));
  }
}
