package org.claimdesk.claim.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What claim matching reads from a statement: the paraphrases of issue 15 meet in concepts. */
class ReadingTest {

  private static Reading de(String text) {
    return Reading.of(text, "de");
  }

  @Test
  void aVerbMeetsItsCompoundNominalisation() {
    Reading verb = de("Russland will Nordkorea Waffen liefern.");
    Reading noun = de("Die Waffenlieferungen Russlands an Nordkorea gehen weiter.");
    String deliver = Vocabulary.of("de").key("liefern");
    assertTrue(verb.concepts.containsKey(deliver), verb.concepts.toString());
    assertTrue(noun.concepts.containsKey(deliver), noun.concepts.toString());
    assertTrue(noun.concepts.containsKey(Vocabulary.of("de").key("Waffe")));
  }

  @Test
  void aSpecificTermAlsoCountsAsItsGeneralTerm() {
    Reading shells = de("Nordkorea schickte Artilleriegranaten.");
    String ammunition = Vocabulary.of("de").key("Munition");
    assertTrue(shells.concepts.containsKey(ammunition), shells.concepts.toString());
    assertTrue(shells.concepts.get(ammunition) < 1.0, "a broader term weighs less");
  }

  @Test
  void numbersAreReadWhateverTheirSpelling() {
    assertEquals(Set.of(10_000.0), de("Mindestens 10.000 Container kamen an.").numbers);
    assertEquals(Set.of(10_000.0), de("Zehntausend Container kamen an.").numbers);
    assertEquals(Set.of(79_000.0), de("Die Zahl stieg um 79 000 Personen.").numbers);
    assertEquals(Set.of(2_500_000.0), de("Es waren 2,5 Millionen Menschen.").numbers);
    assertEquals(Set.of(2_500_000.0), Reading.of("There were 2.5 million people.", "en").numbers);
  }

  @Test
  void yearsAndDaysAreDatesNotNumbers() {
    Reading day = de("Das Abkommen wurde am 19. Juni 2024 unterzeichnet.");
    assertTrue(day.numbers.isEmpty(), day.numbers.toString());
    assertTrue(day.dates.containsAll(Set.of("6-19", "6", "2024")), day.dates.toString());
    Reading month = de("Das Abkommen wurde im Juni unterzeichnet.");
    assertTrue(day.dates.containsAll(month.dates), "19 June agrees with June");
  }

  @Test
  void negationsAndOppositesAreSeen() {
    assertTrue(de("Die Regierung hat dem Gesetz nicht zugestimmt.").negated);
    assertFalse(de("Die Regierung hat dem Gesetz zugestimmt.").negated);
    Reading more = de("Die Emissionen sind gestiegen.");
    Reading less = de("Die Emissionen sind gesunken.");
    assertEquals(1.0, SameClaim.features(more, less, c -> 1, 0.1)[10], "opposites");
  }

  @Test
  void transliteratedNamesMeet() {
    Reading schoigu = de("Sergej Schoigu besuchte Pjöngjang.");
    Reading shoigu = de("Sergei Shoigu besuchte Pjöngjang.");
    assertEquals(schoigu.names, shoigu.names);
  }

  @Test
  void aPairScoresTheSameBothWaysAndIdenticalTextsAreTheSameClaim() {
    Reading a = de("Die Bundesanwaltschaft hat acht mutmaßliche Mitglieder festnehmen lassen.");
    Reading b =
        de("Acht mutmaßliche Mitglieder wurden auf Betreiben der Bundesanwaltschaft festgenommen.");
    SameClaim model = SameClaim.shipped();
    assertEquals(model.probability(a, b), model.probability(b, a), 1e-12);
    assertTrue(model.probability(a, a) >= model.flagCut, "identical: " + model.probability(a, a));
  }

  @Test
  void aDifferentNumberMakesADifferentClaim() {
    Reading eight = de("Die Polizei hat acht Verdächtige in Dresden festgenommen.");
    Reading eighteen = de("Die Polizei hat achtzehn Verdächtige in Dresden festgenommen.");
    SameClaim model = SameClaim.shipped();
    assertTrue(
        model.probability(eight, eighteen) < model.probability(eight, eight),
        model.probability(eight, eighteen) + " vs " + model.probability(eight, eight));
    assertTrue(model.probability(eight, eighteen) < model.cut);
  }

  @Test
  void aStoredReadingIsReadBackAsItWasMade() {
    List<Reading> readings =
        List.of(
            de("Am 19. Juni 2024 lieferte Nordkorea nicht 10.000 Granaten an Russland."),
            de("Sergej Schoigu besuchte am Dienstag Pjöngjang."),
            de("Die Emissionen sind gestiegen."),
            Reading.of("Russia did not send 2.5 million shells to North Korea in June.", "en"),
            de("Pjöngjang meldet " + "Raketenbasis".repeat(6_000) + " Raketen."),
            de(""));
    SameClaim model = SameClaim.shipped();
    for (Reading made : readings) {
      byte[] bytes = made.bytes();
      Reading stored = Reading.fromBytes(bytes, 0, bytes.length);
      assertEquals(made.language, stored.language);
      assertEquals(made.concepts, stored.concepts);
      assertEquals(made.names, stored.names);
      assertEquals(made.numbers, stored.numbers);
      assertEquals(made.dates, stored.dates);
      assertEquals(made.weekdays, stored.weekdays);
      assertEquals(made.poles, stored.poles);
      assertEquals(made.negated, stored.negated);
      assertArrayEquals(bytes, stored.bytes(), "the same reading, the same bytes");
      for (Reading other : readings) {
        if (other.language.equals(made.language)) {
          assertEquals(model.probability(other, made), model.probability(other, stored));
        }
      }
    }
    assertTrue(readings.get(0).negated && !readings.get(0).dates.isEmpty(), "the test reads all");
    assertFalse(readings.get(2).poles.isEmpty(), "the test reads all");
    assertFalse(readings.get(1).weekdays.isEmpty(), "the test reads all");
    assertTrue(
        readings.get(4).concepts.keySet().stream().anyMatch(c -> c.length() > 65_535),
        "a word longer than writeUTF takes");
  }

  @Test
  void aClaimsPartsReadTogetherHoldWhatEachOfThemSays() {
    Reading statement = de("Nordkorea lieferte im Juni 10.000 Granaten an Russland.");
    Reading quote = de("Pjöngjang hat am Dienstag keine Raketen nach Moskau geschickt.");
    Reading opposite = de("Die Emissionen sind gestiegen.");

    Reading whole = Reading.together(List.of(statement, quote, opposite));

    assertEquals("de", whole.language);
    for (Reading part : List.of(statement, quote, opposite)) {
      assertTrue(whole.names.containsAll(part.names));
      assertTrue(whole.numbers.containsAll(part.numbers));
      assertTrue(whole.dates.containsAll(part.dates));
      assertTrue(whole.weekdays.containsAll(part.weekdays));
      part.concepts.forEach((c, w) -> assertTrue(whole.concepts.get(c) >= w, c));
    }
    for (String concept : whole.concepts.keySet()) {
      double strongest =
          Math.max(
              Math.max(
                  statement.concepts.getOrDefault(concept, 0.0),
                  quote.concepts.getOrDefault(concept, 0.0)),
              opposite.concepts.getOrDefault(concept, 0.0));
      assertEquals(strongest, whole.concepts.get(concept), concept);
    }
    assertEquals(opposite.poles, whole.poles);
    assertTrue(whole.negated, "one part's negation is the claim's");
    assertFalse(statement.negated || opposite.negated, "the test has one negated part");
    assertTrue(!statement.numbers.isEmpty() && !quote.weekdays.isEmpty(), "the test reads all");
    assertEquals(statement, Reading.together(List.of(statement)), "one part is its own reading");
  }

  @Test
  void everyWeightKeepsItsSign() {
    double[] w = SameClaim.shipped().weights();
    for (int i = 0; i < w.length; i++) {
      assertTrue(w[i] * SameClaim.SIGNS[i] >= 0, SameClaim.FEATURES.get(i) + " = " + w[i]);
    }
  }
}
