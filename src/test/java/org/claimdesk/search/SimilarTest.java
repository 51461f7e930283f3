package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.claimdesk.claim.match.SameClaim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** "The same claim across articles" on the five seed articles. */
class SimilarTest {

  private static final String CONTAINERS =
      "Nordkorea hat mindestens 10.000 Container mit Waffen nach Russland geliefert";
  private static SearchIndex index;

  @BeforeAll
  static void indexSeeds() {
    index = SearchIndex.inMemory();
    index.replaceAll(Seeds.ARTICLES, 0);
    index.put(new ClaimEntry(10, CONTAINERS, "Shin Won-sik", "de", List.of(), true));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void shoiguVisitFoundAcrossTransliterations() {
    Span schoigu = Seeds.sentence(4, "Sergej Schoigu im Juli Pjöngjang besucht hatte");
    Span shoigu = Seeds.sentence(1, "Sergei Shoigu versucht habe, Pjöngjang zu überreden");

    List<Match> matches = similarTo(4, schoigu);

    assertInTop(3, matches, 1, shoigu);
  }

  @Test
  void koreanPeninsulaReportedFormFoundFromTheQuoteAlone() {
    Span dies = Seeds.sentence(3, "– Dies würde die koreanische Halbinsel destabilisieren");
    List<Match> quoteOnly =
        index.similar(
            "„Das würde die koreanische Halbinsel destabilisieren“", "de", Set.of(2L), Set.of(), 3);
    assertInTop(3, quoteOnly, 3, dies);
  }

  @Test
  @Disabled(
      "Known weakness (docs/claim-matching.md): between two long sentences the quote is not found"
          + " either way. From Miller's quoted sentence, other Miller sentences rank first (a shared"
          + " speaker counts too much); from the reported form, which also says the deal breaks UN"
          + " resolutions, three sentences about the resolutions fill the top three.")
  void koreanPeninsulaQuoteFoundBothWays() {
    Span miller = Seeds.sentence(2, "„Das würde die koreanische Halbinsel destabilisieren“");
    Span dies = Seeds.sentence(3, "– Dies würde die koreanische Halbinsel destabilisieren");

    assertInTop(3, similarTo(2, miller), 3, dies);
    assertInTop(3, similarTo(3, dies), 2, miller);
  }

  @Test
  void existingClaimFoundFromASentenceAboutTheContainers() {
    Span containers = Seeds.sentence(3, "mindestens 10.000 Container nach Russland geliefert");

    List<Match> matches = similarTo(3, containers);

    Match first = matches.get(0);
    assertEquals(Kind.CLAIM, first.kind());
    assertEquals(10, first.id());
    assertEquals(CONTAINERS, first.text());
    assertEquals(0, first.start());
    assertTrue(first.score() > 0.5, "score " + first.score());
  }

  @Test
  void excludedClaimIsNotOffered() {
    List<Match> matches = index.similar(CONTAINERS, "de", Set.of(), Set.of(10L), 5);

    assertTrue(matches.stream().noneMatch(m -> m.kind() == Kind.CLAIM), matches.toString());
  }

  @Test
  void sentencesOfExcludedArticlesAreNotOffered() {
    Span schoigu = Seeds.sentence(4, "Sergej Schoigu");

    List<Match> matches = index.similar(Seeds.text(4, schoigu), "de", Set.of(1L, 4L), Set.of(), 10);

    assertTrue(matches.stream().noneMatch(m -> m.id() == 1 || m.id() == 4), matches.toString());
  }

  @Test
  void unrelatedTextsAreOfferedNothing() {
    List<String> unrelated =
        List.of(
            "Der Bäcker verkauft am Sonntag frische Brötchen in Berlin.",
            Seeds.text(3, Seeds.sentence(3, "Iivo Niskanen")),
            Seeds.text(3, Seeds.sentence(3, "Die Geschichte geht nach dem Film weiter")),
            Seeds.text(2, Seeds.sentence(2, "Militärparade am Präsidentenpalast")),
            Seeds.text(4, Seeds.sentence(4, "CNN hat die russische Botschaft")));
    for (String text : unrelated) {
      List<Match> matches = index.similar(text, "de", Set.of(0L, 2L, 3L, 4L), Set.of(), 5);
      // only article 1 and the claim are left to match; none of them says any of this
      assertEquals(List.of(), matches, text);
    }
  }

  @Test
  void sharedNamesAloneAreNotTheSameClaim() {
    String aukus = Seeds.text(0, Seeds.sentence(0, "AUKUS-Pakt"));
    assertEquals(List.of(), index.similar(aukus, "de", Set.of(0L, 2L, 3L, 4L), Set.of(), 5));
  }

  @Test
  void everyMatchClearsTheCutoffAndComesBestFirst() {
    List<Match> matches =
        index.similar("Putin Kim Nordkorea Russland Waffen", "de", Set.of(), Set.of(), 20);

    double previous = 1;
    for (Match m : matches) {
      assertTrue(m.score() >= SameClaim.shipped().cut && m.score() <= previous, m.toString());
      previous = m.score();
    }
  }

  @Test
  void aPairScoresTheSameWithFiveOrFiftyThousandArticlesIndexed() throws Exception {
    Span containers = Seeds.sentence(3, "mindestens 10.000 Container nach Russland geliefert");
    String sentence = Seeds.text(3, containers);
    double alone = claimScore(index, sentence);
    try (SearchIndex crowded = SearchIndex.inMemory()) {
      List<ArticleEntry> many = new ArrayList<>(Seeds.ARTICLES);
      Random random = new Random(50_000);
      String[] words = {
        "Regierung", "Container", "Russland", "Hafen", "Bericht", "Woche", "Nordkorea", "Zoll",
        "Minister", "geliefert", "Schiff", "Waffen", "Millionen", "Grenze", "Streit", "Bahn"
      };
      for (long id = 100; id < 50_100; id++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          text.append(words[random.nextInt(words.length)]).append(w == 11 ? "." : " ");
        }
        String t = text.toString();
        many.add(
            new ArticleEntry(
                id,
                "Meldung " + id,
                "Agentur",
                "de",
                null,
                t,
                List.of(new Span(0, t.length())),
                false,
                false));
      }
      crowded.replaceAll(many, 0);
      crowded.put(new ClaimEntry(10, CONTAINERS, "Shin Won-sik", "de", List.of(), true));

      assertEquals(alone, claimScore(crowded, sentence), 1e-12);
    }
  }

  private static double claimScore(SearchIndex in, String text) {
    return in.similar(text, "de", EnumSet.of(Kind.CLAIM), Set.of(), Set.of(), 0, 1).stream()
        .mapToDouble(Match::score)
        .findFirst()
        .orElseThrow(() -> new AssertionError("claim 10 not found for: " + text));
  }

  @Test
  void blankTextOrStopWordsMatchNothing() {
    assertEquals(List.of(), index.similar("", "de", Set.of(), Set.of(), 5));
    assertEquals(List.of(), index.similar("und die der", "de", Set.of(), Set.of(), 5));
  }

  private static List<Match> similarTo(long article, Span sentence) {
    return index.similar(Seeds.text(article, sentence), "de", Set.of(article), Set.of(), 5);
  }

  private static void assertInTop(int n, List<Match> matches, long article, Span sentence) {
    List<Match> top = matches.subList(0, Math.min(n, matches.size()));
    assertTrue(
        top.stream()
            .anyMatch(
                m ->
                    m.kind() == Kind.SENTENCE
                        && m.id() == article
                        && m.start() == sentence.start()
                        && m.end() == sentence.end()
                        && m.text().equals(Seeds.text(article, sentence))),
        "expected " + Seeds.text(article, sentence) + " in " + top);
  }
}
