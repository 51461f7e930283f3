package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimdesk.testing.SeedText;
import org.junit.jupiter.api.Test;

class ClaimantHintsTest {
  static List<String> hints(String file, String words) {
    String text = SeedText.of(file);
    int start = text.indexOf(words);
    assertTrue(start >= 0, "not in " + file + ": " + words);
    return ClaimantHints.near(text, start, start + words.length(), "de");
  }

  @Test
  void theSpeakerAfterAQuoteComesFirstThenHisOrganisation() {
    List<String> hints =
        hints("002_2f1474f60fdc96d6.txt", "Das würde die koreanische Halbinsel destabilisieren");
    assertEquals(List.of("Matthew Miller", "US-Außenministerium"), hints.subList(0, 2));
  }

  @Test
  void kirbyIsFoundByHisSurname() {
    List<String> hints =
        hints("001_c92052077ae66e60.txt", "Wir fordern die DVRK auf, ihre Waffenverhandlungen");
    assertEquals("John Kirby", hints.get(0));
  }

  @Test
  void sullivanBeforeTheWhiteHouse() {
    List<String> hints = hints("004_13fc5d182ca531a0.txt", "kein gutes Licht auf Nordkorea werfen");
    assertEquals(List.of("Jake Sullivan", "Weißes Haus"), hints.subList(0, 2));
  }

  @Test
  void putinAsSubjectBeforeTheVerb() {
    assertEquals(
        "Wladimir Putin",
        hints("003_cf013e87bb0c4974.txt", "er würde Waffenlieferungen an Nordkorea nicht").get(0));
  }

  @Test
  void theSubjectOfAReportingVerbWinsOverACountryAfterIt() {
    assertEquals(
        "Wladimir Putin",
        hints("003_cf013e87bb0c4974.txt", "Waffen an die Ukraine zu liefern").get(0));
  }

  /** The constructions of docs/claim-suggestions.md, in German and English. */
  static String firstHint(String text, String words, String language) {
    int start = text.indexOf(words);
    assertTrue(start >= 0, words);
    List<String> hints = ClaimantHints.near(text, start, start + words.length(), language);
    return hints.isEmpty() ? null : hints.get(0);
  }

  @Test
  void eachReportingConstructionNamesItsSubject() {
    String de =
        "Der russische Präsident Wladimir Putin reiste nach Hanoi. Putin warnte Südkorea am"
            + " Donnerstag davor, Waffen an die Ukraine zu liefern. „Das wäre ein großer Fehler“,"
            + " sagte Putin. Der Sprecher John Kirby sagte, Nordkorea liefere Munition."
            + " Laut Reuters wurden Container verschifft.";
    assertEquals("Wladimir Putin", firstHint(de, "Waffen an die Ukraine zu liefern", "de"));
    assertEquals("Wladimir Putin", firstHint(de, "Das wäre ein großer Fehler", "de"));
    assertEquals("John Kirby", firstHint(de, "Nordkorea liefere Munition", "de"));
    assertEquals("Reuters", firstHint(de, "wurden Container verschifft", "de"));
    String en =
        "Russian President Vladimir Putin travelled to Hanoi. Putin warned South Korea on"
            + " Thursday against supplying weapons to Ukraine. \"That would be a big mistake,\""
            + " said Putin. Spokesman John Kirby told reporters that North Korea ships munitions.";
    assertEquals("Vladimir Putin", firstHint(en, "against supplying weapons to Ukraine", "en"));
    assertEquals("Vladimir Putin", firstHint(en, "That would be a big mistake", "en"));
    assertEquals("John Kirby", firstHint(en, "North Korea ships munitions", "en"));
  }

  @Test
  void sagteErIsResolvedToTheLastNamedPerson() {
    assertEquals(
        "John Kirby",
        hints("000_da7b1f475156277f.txt", "Wir sprechen schon seit vielen Monaten darüber").get(0));
    assertEquals(
        "Jake Sullivan",
        hints("004_13fc5d182ca531a0.txt", "Wir haben außerdem spezifische gezielte Sanktionen")
            .get(0));
  }

  @Test
  void aQuoteWithoutAttributionBorrowsItFromTheSentenceBefore() {
    assertEquals(
        "John Kirby",
        hints("000_da7b1f475156277f.txt", "Wir haben Informationen darüber veröffentlicht").get(0));
  }

  @Test
  void aSourceAfterLautIsNamed() {
    assertTrue(
        hints("003_cf013e87bb0c4974.txt", "Fragmente nordkoreanischer Raketen gefunden")
            .contains("Reuters"));
  }

  @Test
  void englishSpeakerAfterSaid() {
    String text = "\"We have nothing to add,\" said White House spokesman John Kirby on Monday.";
    assertEquals(
        List.of("John Kirby", "White House"), ClaimantHints.near(text, 1, 20, "en").subList(0, 2));
  }

  @Test
  void nothingToHintInEmptyOrOutOfRangeInput() {
    assertEquals(List.of(), ClaimantHints.near("", 0, 0, "de"));
    assertEquals(List.of(), ClaimantHints.near("Kurz.", 3, 99, "de"));
  }
}
