package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.claimdesk.testing.SeedText;
import org.junit.jupiter.api.Test;

class SentencesTest {
  static List<String> texts(String text, String language) {
    return Sentences.of(text, language).stream().map(Sentence::text).toList();
  }

  @Test
  void abbreviationsDoNotEndASentence() {
    assertEquals(
        List.of(
            "Dr. Müller nannte z. B. die US-Regierung als Quelle.",
            "Die Zahl stieg bzw. fiel je nach Jahr."),
        texts(
            "Dr. Müller nannte z. B. die US-Regierung als Quelle. Die Zahl stieg bzw. fiel je nach"
                + " Jahr.",
            "de"));
  }

  @Test
  void ordinalDatesStayInTheirSentence() {
    assertEquals(
        List.of(
            "Das Außenministerium äußerte sich am 15. August.",
            "Miller sprach am Donnerstag (20. Juni) in Washington.",
            "Danach kam nichts mehr."),
        texts(
            "Das Außenministerium äußerte sich am 15. August. Miller sprach am Donnerstag (20."
                + " Juni) in Washington. Danach kam nichts mehr.",
            "de"));
  }

  @Test
  void aQuoteKeepsItsAttribution() {
    assertEquals(
        List.of(
            "„Das ist keine Überraschung“, sagte Kirby.",
            "„Kommt er?“, fragte eine Journalistin.",
            "\"Wir warnen seit Monaten\", sagte er.",
            "Russland ist bereit – so die Drohung – Waffen zu liefern."),
        texts(
            "„Das ist keine Überraschung“, sagte Kirby. „Kommt er?“, fragte eine Journalistin."
                + " \"Wir warnen seit Monaten\", sagte er. Russland ist bereit – so die Drohung –"
                + " Waffen zu liefern.",
            "de"));
  }

  @Test
  void englishTextUsesTheEnglishModel() {
    assertEquals(
        List.of("Mr. Kirby said so on Thursday.", "North Korea fired two missiles."),
        texts("Mr. Kirby said so on Thursday. North Korea fired two missiles.", "en"));
    assertEquals(
        "en", Sentences.modelLanguage(null, "The minister said that the talks were over."));
    assertEquals(
        "de", Sentences.modelLanguage("fr", "Der Minister sagte, dass die Gespräche vorbei sind."));
  }

  @Test
  void sentencesNeverCrossALineBreakAndCarryNoOuterSpace() {
    List<Sentence> sentences =
        Sentences.of("  Erster Absatz ohne Punkt\n\n Zweiter Absatz. \n", "de");
    assertEquals(
        List.of("Erster Absatz ohne Punkt", "Zweiter Absatz."),
        sentences.stream().map(Sentence::text).toList());
  }

  @Test
  void offsetsAreExactOnEverySentenceOfEverySeed() {
    for (String file : SeedText.FILES) {
      String text = SeedText.of(file);
      List<Sentence> sentences = Sentences.of(text, "de");
      assertFalse(sentences.isEmpty(), file);
      int previousEnd = 0;
      for (Sentence s : sentences) {
        assertEquals(text.substring(s.start(), s.end()), s.text(), file);
        assertFalse(s.text().contains("\n"), file + ": " + s.text());
        assertEquals(s.text().strip(), s.text(), file);
        assertTrue(s.start() >= previousEnd, file + ": overlapping " + s.text());
        previousEnd = s.end();
      }
      // nothing but whitespace is left out between sentences
      StringBuilder rest = new StringBuilder(text);
      for (int i = sentences.size() - 1; i >= 0; i--) {
        rest.delete(sentences.get(i).start(), sentences.get(i).end());
      }
      assertTrue(rest.toString().isBlank(), file + ": lost text " + rest);
    }
  }

  @Test
  void theSeedDateBrokenOverTwoLinesIsOneSentence() {
    assertTrue(
        texts(SeedText.of("001_c92052077ae66e60.txt"), "de").stream()
            .anyMatch(s -> s.endsWith("sagte das US-Außenministerium am 15. August.")));
  }

  @Test
  void hostileInputFinishesQuickly() {
    assertEquals(List.of(), Sentences.of("", "de"));
    assertEquals(List.of(), Sentences.of(" \n\n ", "de"));
    String noPunctuation = "wort ".repeat(200_000) + "x".repeat(50_000);
    List<Sentence> sentences =
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Sentences.of(noPunctuation, "xx"));
    assertTrue(sentences.stream().allMatch(s -> s.text().length() <= Sentences.MAX_LENGTH));
    for (Sentence s : sentences) {
      assertEquals(noPunctuation.substring(s.start(), s.end()), s.text());
    }
  }
}
