package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one search box over articles, claims and claimants. */
class SearchTest {

  private static SearchIndex index;

  @BeforeAll
  static void indexSeedsClaimsAndClaimants() {
    index = SearchIndex.inMemory();
    List<Entry> entries = new ArrayList<>();
    for (ArticleEntry seed : Seeds.ARTICLES) {
      // dated one day apart from 2024-06-17; even ids have claims, 3 has an open case
      entries.add(
          new ArticleEntry(
              seed.id(),
              seed.title(),
              seed.outlet(),
              seed.language(),
              LocalDate.of(2024, 6, 17).plusDays(seed.id()),
              seed.text(),
              seed.sentences(),
              seed.id() % 2 == 0,
              seed.id() == 3));
    }
    entries.add(
        new ArticleEntry(
            20,
            "Russia threatens to arm North Korea",
            "Reuters",
            "en",
            LocalDate.of(2024, 6, 21),
            "Putin said Russia might supply weapons to North Korea. <script>alert('x')</script>",
            List.of(),
            true,
            true));
    entries.add(
        new ClaimEntry(
            30,
            "Nordkorea hat Russland Artilleriegranaten geliefert",
            "John Kirby",
            "de",
            List.of(
                new Quote(0, 0, 10, "Russland bereits erhebliche Mengen an Artilleriegranaten")),
            true));
    entries.add(new ClaimantEntry(40, "John Kirby", "Sprecher des Nationalen Sicherheitsrats"));
    entries.add(new ClaimantEntry(41, "Matthew Miller", null));
    index.replaceAll(entries, 0);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  @Test
  void singularFindsPluralAndIsMarkedInTheSnippet() {
    Page page = index.search(Query.of("Waffenlieferung"));

    Hit hit = hit(page, Kind.ARTICLE, 2);
    assertTrue(hit.snippetHtml().contains("<mark>Waffenlieferungen</mark>"), hit.snippetHtml());
  }

  @Test
  void umlautsCaseAndTranscriptionsMeet() {
    for (String q : List.of("Pjöngjang", "pjoengjang", "PJÖNGJANG", "Pjongjang")) {
      assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), articleIds(index.search(Query.of(q))), q);
    }
  }

  @Test
  void transliteratedNamesMeet() {
    assertEquals(Set.of(1L, 4L), articleIds(index.search(Query.of("Schoigu"))));
    assertEquals(Set.of(1L, 4L), articleIds(index.search(Query.of("Shoigu"))));
    assertEquals(Set.of(1L, 4L), articleIds(index.search(Query.of("Sergei Schoigu"))));
    Hit hit = hit(index.search(Query.of("Schoigu")), Kind.ARTICLE, 1);
    assertTrue(hit.snippetHtml().contains("<mark>Shoigu</mark>"), hit.snippetHtml());
  }

  @Test
  void allWordsAreRequired() {
    assertEquals(Set.of(1L, 4L), articleIds(index.search(Query.of("Juli Pjöngjang"))));
  }

  @Test
  void englishTextIsStemmedInEnglish() {
    Page page = index.search(Query.of("weapon supplies"));

    assertEquals(Set.of(20L), articleIds(page));
  }

  @Test
  void snippetsEscapeHtml() {
    Hit hit = hit(index.search(Query.of("alert")), Kind.ARTICLE, 20);

    assertFalse(hit.snippetHtml().contains("<script>"), hit.snippetHtml());
    assertTrue(hit.snippetHtml().contains("&lt;script&gt;<mark>alert</mark>("), hit.snippetHtml());
    assertEquals("<mark>", hit.snippetHtml().replaceAll(".*?(<mark>).*", "$1"));
  }

  @Test
  void brokenOrEmptyQueriesNeverThrow() {
    for (String q :
        List.of(
            "",
            " ",
            "\"",
            "\"koreanische Halbinsel",
            "(((",
            ")",
            "+",
            "-",
            "*",
            "~2",
            "AND OR",
            "\\",
            "title:foo",
            "a[b]",
            "{}",
            "\"\"",
            "die der das",
            "!?",
            "Kim Jong-un^2")) {
      Page page = assertDoesNotThrow(() -> index.search(Query.of(q)), q);
      assertTrue(page.total() >= page.hits().size(), q);
    }
    // 001 has "koreanischen Halbinsel": the same words, declined
    assertEquals(Set.of(1L, 2L, 3L), articleIds(index.search(Query.of("\"koreanische Halbinsel"))));
    assertEquals(0, index.search(Query.of("die der das")).total());
  }

  @Test
  void phrasesPrefixesAndExclusionsWork() {
    assertEquals(
        Set.of(1L, 2L, 3L), articleIds(index.search(Query.of("\"koreanische Halbinsel\""))));
    assertEquals(Set.of(), articleIds(index.search(Query.of("\"Halbinsel koreanische\""))));
    assertTrue(articleIds(index.search(Query.of("Waffenliefer*"))).containsAll(Set.of(2L, 3L)));
    assertEquals(Set.of(4L), articleIds(index.search(Query.of("Schoigu -Trump"))));
  }

  @Test
  void emptyTextListsEverythingSearchable() {
    Page page = index.search(Query.of(""));

    assertEquals(5 + 1 + 1 + 2, page.total()); // no sentences
    assertTrue(page.hits().stream().noneMatch(h -> h.kind() == Kind.SENTENCE));
  }

  @Test
  void claimsAreFoundByStatementQuoteAndClaimant() {
    Set<Kind> claims = Set.of(Kind.CLAIM);
    for (String q : List.of("Artilleriegranaten", "erhebliche Mengen", "Kirby")) {
      Page page = index.search(query(q, claims, null, null, null, null, null, null, 0, 10));
      assertEquals(1, page.total(), q);
      assertEquals(30, page.hits().get(0).id());
      assertEquals(
          "Nordkorea hat Russland Artilleriegranaten geliefert", page.hits().get(0).title());
    }
  }

  @Test
  void claimantsAreFoundByNameAndDescription() {
    Set<Kind> claimants = Set.of(Kind.CLAIMANT);
    Page kirby = index.search(query("Kirby", claimants, null, null, null, null, null, null, 0, 10));
    Page spokesman =
        index.search(query("Sicherheitsrat", claimants, null, null, null, null, null, null, 0, 10));
    Page miller =
        index.search(query("miller", claimants, null, null, null, null, null, null, 0, 10));

    assertEquals(List.of(40L), ids(kirby));
    assertEquals(List.of(40L), ids(spokesman));
    assertEquals(List.of(41L), ids(miller));
    assertEquals("Matthew <mark>Miller</mark>", miller.hits().get(0).snippetHtml());
  }

  @Test
  void filtersNarrowArticles() {
    Set<Kind> articles = Set.of(Kind.ARTICLE);
    assertEquals(
        Set.of(4L),
        articleIds(index.search(query("", articles, "CNN", null, null, null, null, null, 0, 50))));
    assertEquals(
        Set.of(20L),
        articleIds(index.search(query("", null, null, "en", null, null, null, null, 0, 50))));
    assertEquals(
        Set.of(1L, 2L),
        articleIds(
            index.search(
                query(
                    "",
                    articles,
                    null,
                    null,
                    LocalDate.of(2024, 6, 18),
                    LocalDate.of(2024, 6, 19),
                    null,
                    null,
                    0,
                    50))));
    assertEquals(
        Set.of(0L, 2L, 4L, 20L),
        articleIds(index.search(query("", articles, null, null, null, null, true, null, 0, 50))));
    assertEquals(
        Set.of(3L, 20L),
        articleIds(index.search(query("", articles, null, null, null, null, null, true, 0, 50))));
    Page openCases = index.search(query("", null, null, null, null, null, null, true, 0, 50));
    assertTrue(openCases.hits().stream().anyMatch(h -> h.kind() == Kind.CLAIM && h.id() == 30));
  }

  @Test
  void outletFacetIgnoresTheOutletFilterButNotTheText() {
    Page cnn = index.search(query("", null, "CNN", null, null, null, null, null, 0, 50));
    Page weapons = index.search(Query.of("weapons"));

    assertEquals(List.of("CNN", "Reuters"), cnn.outlets());
    assertEquals(List.of("Reuters"), weapons.outlets());
  }

  @Test
  void pagesAreDisjointAndShareTheTotal() {
    Page first = index.search(query("Nordkorea", null, null, null, null, null, null, null, 0, 3));
    Page second = index.search(query("Nordkorea", null, null, null, null, null, null, null, 3, 3));
    Page beyond =
        index.search(query("Nordkorea", null, null, null, null, null, null, null, 100, 3));

    assertEquals(6, first.total()); // five seeds and the claim
    assertEquals(first.total(), second.total());
    assertEquals(3, first.hits().size());
    assertEquals(3, second.hits().size());
    Set<String> seen = new HashSet<>();
    for (Hit h : first.hits()) {
      seen.add(h.kind() + ":" + h.id());
    }
    for (Hit h : second.hits()) {
      assertTrue(seen.add(h.kind() + ":" + h.id()), "on both pages: " + h);
    }
    assertEquals(List.of(), beyond.hits());
    assertEquals(6, beyond.total());
  }

  @Test
  void titlesWeighMoreThanBodies() {
    // "Alarm" is in 002's title; 004 only mentions "Alarm ausgelöst" in its last sentence
    List<Hit> hits = index.search(Query.of("Alarm")).hits();

    assertEquals(2, hits.get(0).id());
  }

  private static Query query(
      String text,
      Set<Kind> kinds,
      String outlet,
      String language,
      LocalDate from,
      LocalDate to,
      Boolean hasClaims,
      Boolean hasOpenCase,
      int offset,
      int limit) {
    return new Query(
        text, kinds, outlet, language, from, to, hasClaims, hasOpenCase, offset, limit);
  }

  private static Hit hit(Page page, Kind kind, long id) {
    return page.hits().stream()
        .filter(h -> h.kind() == kind && h.id() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + id + " not in " + page.hits()));
  }

  private static Set<Long> articleIds(Page page) {
    return page.hits().stream()
        .filter(h -> h.kind() == Kind.ARTICLE)
        .map(Hit::id)
        .collect(Collectors.toSet());
  }

  private static List<Long> ids(Page page) {
    return page.hits().stream().map(Hit::id).toList();
  }
}
