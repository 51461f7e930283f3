package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckWorthinessTest {
  static Map<Signal, String> reasons(String sentence, String language) {
    List<Suggestion> ranked = CheckWorthiness.rank(sentence, language);
    assertEquals(1, ranked.size(), "one sentence expected: " + ranked);
    return ranked.get(0).reasons().stream()
        .collect(Collectors.toMap(Reason::signal, Reason::evidence));
  }

  static int rankOf(List<Suggestion> ranked, String prefix) {
    for (int i = 0; i < ranked.size(); i++) {
      if (ranked.get(i).sentence().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("not ranked: " + prefix);
  }

  @Test
  void everyPositiveSignalNamesTheWordsThatTriggeredIt() {
    Map<Signal, String> r =
        reasons(
            "Laut Reuters hat Nordkorea am 15. August mindestens 10.000 Container geliefert, was"
                + " gegen UN-Resolutionen verstößt.",
            "de");
    assertEquals("10.000", r.get(Signal.QUANTITY));
    assertEquals("15. August", r.get(Signal.DATE));
    assertEquals("Laut Reuters", r.get(Signal.NAMED_SOURCE));
    assertEquals("mindestens", r.get(Signal.COMPARISON));
    assertTrue(r.get(Signal.LEGAL_OR_CAUSAL).contains("UN-Resolutionen"), r.toString());
    assertEquals("geliefert", r.get(Signal.EVENT));
  }

  @Test
  void reportedSpeechNamesItsVerbAndItsSpeaker() {
    Map<Signal, String> r =
        reasons(
            "„Das würde die Halbinsel destabilisieren“, mahnte der Sprecher des"
                + " US-Außenministeriums, Matthew Miller, am Donnerstag.",
            "de");
    assertEquals("mahnte", r.get(Signal.REPORTED_SPEECH));
    assertEquals("Matthew Miller", r.get(Signal.NAMED_SOURCE));
    assertEquals("Donnerstag", r.get(Signal.DATE));
  }

  @Test
  void numbersWrittenAsWordsAndYearsCount() {
    assertEquals(
        "dreieinhalbjährigen",
        reasons("Die Regierung hat in ihrer dreieinhalbjährigen Amtszeit viel getan.", "de")
            .get(Signal.QUANTITY));
    Map<Signal, String> r =
        reasons("Nordkorea führte 2006 seinen ersten Atomwaffentest durch.", "de");
    assertEquals("2006", r.get(Signal.DATE));
    assertEquals(null, r.get(Signal.QUANTITY), "a year is a date, not a quantity");
  }

  @Test
  void questionsFeelingsOpinionsAndBoilerplateRankBelowFacts() {
    String text =
        String.join(
            "\n\n",
            "Schreibe einen Kommentar",
            "Ist das wirklich eine Überraschung für die Regierung in Washington?",
            "Das US-Außenministerium ist zutiefst besorgt über die Entwicklung in der Region.",
            "Offensichtlich ist das ein großer Fehler der Regierung, meiner Meinung nach.",
            "Siehe auch  Iivo Niskanen ging auf seinen Rivalen zu",
            "Nordkorea hat am Mittwoch zwei ballistische Raketen abgefeuert, sagte das Militär.",
            "USA besorgt über Putins Besuch in Vietnam");
    List<Suggestion> ranked = CheckWorthiness.rank(text, "de");
    assertEquals(7, ranked.size());
    assertTrue(ranked.get(0).sentence().startsWith("Nordkorea hat am Mittwoch"));
    assertTrue(ranked.get(0).score() > 0);
    for (Suggestion s : ranked.subList(1, ranked.size())) {
      assertTrue(s.score() < 0, "should rank low: " + s);
      assertTrue(s.reasons().stream().anyMatch(r -> !r.signal().positive()), s.toString());
    }
    Map<String, Signal> expected =
        Map.of(
            "Ist das", Signal.QUESTION,
            "Das US-Außenministerium", Signal.FEELING,
            "Offensichtlich", Signal.OPINION,
            "Schreibe", Signal.BOILERPLATE,
            "Siehe auch", Signal.BOILERPLATE,
            "USA besorgt", Signal.HEADLINE);
    expected.forEach(
        (prefix, signal) ->
            assertTrue(
                ranked.get(rankOf(ranked, prefix)).reasons().stream()
                    .anyMatch(r -> r.signal() == signal),
                prefix + " lacks " + signal));
  }

  @Test
  void tiesKeepTextOrder() {
    List<Suggestion> ranked =
        // the same words twice: different words would differ in their learned word weights
        CheckWorthiness.rank("Das ist so eine Sache hier. Das ist so eine Sache hier.", "de");
    assertEquals(ranked.get(0).score(), ranked.get(1).score());
    assertTrue(ranked.get(0).start() < ranked.get(1).start());
  }

  @Test
  void everySentenceIsRankedWithExactOffsets() {
    String text = "Erster Satz mit Zahl 12.\n\nZweiter Satz ohne alles. Dritter Satz am Montag.";
    List<Suggestion> ranked = CheckWorthiness.rank(text, "de");
    assertEquals(3, ranked.size());
    for (Suggestion s : ranked) {
      assertEquals(text.substring(s.start(), s.end()), s.sentence());
    }
  }

  @Test
  void hostileInputFinishesQuicklyWithoutBlowingUp() {
    assertEquals(List.of(), CheckWorthiness.rank("", "de"));
    assertEquals(List.of(), CheckWorthiness.rank(null, "de"));
    StringBuilder megabyte = new StringBuilder();
    while (megabyte.length() < 1_000_000) {
      megabyte.append("Sanktionen laut Reuters zehntausend besorgt am Montag sagte Kirby ");
    }
    List<Suggestion> ranked =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CheckWorthiness.rank(megabyte.toString(), "de"));
    assertTrue(ranked.size() > 100);
    String unspaced = "x".repeat(1_000_000);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CheckWorthiness.rank(unspaced, null));
  }
}
