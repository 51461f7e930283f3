package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.claimdesk.claim.match.Reading;
import org.claimdesk.claim.match.SameClaim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping the index in step with the database: put, remove, rebuild, reopen, concurrency. */
class SearchIndexTest {

  @TempDir Path dir;

  @Test
  void freshDirectoryIsEmptyAndReopeningKeepsDocuments() throws Exception {
    Path index = dir.resolve("index");
    try (SearchIndex fresh = SearchIndex.open(index)) {
      assertTrue(fresh.isEmpty());
      fresh.put(Seeds.article(4));
      assertFalse(fresh.isEmpty());
    }
    try (SearchIndex reopened = SearchIndex.open(index)) {
      assertFalse(reopened.isEmpty());
      assertEquals(1, reopened.search(Query.of("Schoigu")).total());
    }
  }

  @Test
  void anIndexOfAnOlderLayoutIsEmptiedOnOpeningSoThatItIsRebuilt() throws Exception {
    Path index = dir.resolve("index");
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter older = new IndexWriter(directory, new IndexWriterConfig())) {
      org.apache.lucene.document.Document sentence = new org.apache.lucene.document.Document();
      sentence.add(new TextField("body_de", "Schoigu besuchte im Juli Pjöngjang.", Store.YES));
      older.addDocument(sentence);
      older.setLiveCommitData(Map.of("claimdesk.audit-seq", "42").entrySet());
      older.commit();
    }
    try (SearchIndex opened = SearchIndex.open(index)) {
      assertTrue(opened.isEmpty());
      assertEquals(0, opened.appliedSeq());
      opened.replaceAll(List.of(Seeds.article(4)), 7);
    }
    try (SearchIndex current = SearchIndex.open(index)) {
      assertFalse(current.isEmpty(), "an index of the current layout keeps its documents");
      assertEquals(7, current.appliedSeq());
    }
  }

  @Test
  void anIndexWhoseClaimsWereReadOtherwiseIsEmptiedOnOpening() throws Exception {
    Path index = dir.resolve("index");
    try (SearchIndex current = SearchIndex.open(index)) {
      current.replaceAll(List.of(Seeds.article(4)), 7);
    }
    String otherReading = SearchIndex.LAYOUT.replace(Reading.version(), "0-000000000000");
    assertFalse(otherReading.equals(SearchIndex.LAYOUT), SearchIndex.LAYOUT);
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(
          Map.of("claimdesk.audit-seq", "7", "claimdesk.index-layout", otherReading).entrySet());
      writer.commit();
    }
    try (SearchIndex opened = SearchIndex.open(index)) {
      assertTrue(opened.isEmpty(), "stored readings of another version are not used");
      assertEquals(0, opened.appliedSeq());
    }
  }

  @Test
  void lookupsFromMoreThreadsThanCoresAllGetTheirAnswer() throws Exception {
    // a turn never given back would leave the later lookups waiting for ever
    assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60),
        () -> {
          List<String> statements =
              List.of(
                  "Nordkorea hat Russland im Herbst elf Millionen Granaten geliefert.",
                  "Russland lieferte Nordkorea im Sommer 40 Kampfjets.",
                  "Die Mieten in Berlin stiegen im Mai um 7 Prozent.");
          try (SearchIndex index = SearchIndex.inMemory()) {
            for (int i = 0; i < statements.size(); i++) {
              index.put(new ClaimEntry(i + 1, statements.get(i), null, "de", List.of(), false));
            }
            Map<String, List<Match>> alone = new java.util.HashMap<>();
            for (String statement : statements) {
              alone.put(statement, index.similar(statement, "de", Set.of(), Set.of(), 3));
              assertFalse(alone.get(statement).isEmpty(), statement);
            }
            int threads = 4 * Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
              List<Future<Boolean>> asked = new ArrayList<>();
              for (int i = 0; i < 50 * threads; i++) {
                String statement = statements.get(i % statements.size());
                asked.add(
                    pool.submit(
                        () ->
                            alone
                                .get(statement)
                                .equals(index.similar(statement, "de", Set.of(), Set.of(), 3))));
              }
              for (Future<Boolean> answer : asked) {
                assertTrue(answer.get(30, TimeUnit.SECONDS), "the same answer as asked alone");
              }
            } finally {
              pool.shutdownNow();
            }
          }
        });
  }

  @Test
  void aSentenceThatIsAClaimsQuoteScoresAsReadFromItsOwnText() throws Exception {
    String statement = "Nordkorea hat Russland im Herbst Granaten geliefert.";
    String quote = "Pjöngjang schickte im Oktober Millionen Artilleriegranaten nach Moskau.";
    Span span = Seeds.sentence(4, "Schoigu");
    ArticleEntry seed = Seeds.article(4);
    String text = seed.text().substring(0, span.start()) + quote + " ";
    ArticleEntry quoting =
        new ArticleEntry(
            99,
            "Bericht",
            null,
            "de",
            null,
            text,
            List.of(new Span(span.start(), span.start() + quote.length())),
            true,
            false);
    SameClaim model = SameClaim.shipped();
    try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
      index.put(quoting);
      index.put(
          new ClaimEntry(
              5,
              statement,
              null,
              "de",
              List.of(new Quote(98, 0, quote.length(), quote), new Quote(97, 0, 9, statement)),
              false));
      Reading asked = Reading.of(quote, "de");
      List<Match> found = index.similar(quote, "de", Set.of(), Set.of(), 5);
      Match sentence =
          found.stream().filter(m -> m.kind() == Kind.SENTENCE).findFirst().orElseThrow();
      Match claim = found.stream().filter(m -> m.kind() == Kind.CLAIM).findFirst().orElseThrow();
      // both the claim's stored readings and the sentence's reading are of the right text
      assertEquals(model.probability(asked, Reading.of(quote, "de")), sentence.score());
      assertEquals(model.probability(asked, Reading.of(quote, "de")), claim.score());
      assertTrue(
          model.probability(asked, Reading.of(statement, "de")) < claim.score(),
          "the claim scores by its closest part, the quote");
    }
  }

  @Test
  void aRegisteredClaimIsComparedByItsPartsAsIndexedOrAsSaidSinceAnEdit() throws Exception {
    String statement = "Nordkorea hat Russland im Herbst Granaten geliefert.";
    String quote = "Pjöngjang schickte im Oktober Millionen Artilleriegranaten nach Moskau.";
    String edited = "Schoigu besuchte im Juli Pjöngjang und traf Kim Jong Un.";
    SameClaim model = SameClaim.shipped();
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.put(
          new ClaimEntry(
              5, statement, null, "de", List.of(new Quote(98, 0, quote.length(), quote)), false));
      index.put(new ClaimEntry(6, quote, null, "de", List.of(), false));
      index.put(new ClaimEntry(7, edited, null, "de", List.of(), false));
      double cut = model.cut;

      Reading both =
          Reading.together(List.of(Reading.of(statement, "de"), Reading.of(quote, "de")));
      List<Match> asIndexed =
          index.similarToClaim(5, List.of(statement, quote), "de", Set.of(), 0, 5);
      Match six = asIndexed.stream().filter(m -> m.id() == 6).findFirst().orElseThrow();
      assertEquals(model.probability(both, Reading.of(quote, "de")), six.score());
      assertTrue(asIndexed.stream().noneMatch(m -> m.kind() == Kind.CLAIM && m.id() == 5));

      // the claim was restated and the index has not caught up: what it says now is compared
      List<Match> asSaid = index.similarToClaim(5, List.of(edited), "de", Set.of(), cut, 5);
      assertEquals(List.of(7L), asSaid.stream().map(Match::id).toList());
      assertEquals(
          model.probability(Reading.of(edited, "de"), Reading.of(edited, "de")),
          asSaid.get(0).score());
    }
  }

  @Test
  void putReplacesAnArticleAndItsSentences() throws Exception {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.put(article(1, "Schoigu besuchte im Juli Pjöngjang."));
      index.put(article(1, "Kim Jong Un empfing den Minister."));

      assertEquals(0, index.search(Query.of("Schoigu")).total());
      assertEquals(1, index.search(Query.of("Minister")).total());
      assertEquals(List.of(), similar(index, "Schoigu besuchte im Juli Pjöngjang."));
      assertEquals(1, similar(index, "Kim Jong Un empfing den Minister.").size());
    }
  }

  @Test
  void removingAnArticleRemovesItsSentences() throws Exception {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.put(article(1, "Schoigu besuchte im Juli Pjöngjang."));
      index.put(article(2, "Schoigu besuchte im Juli Pjöngjang."));

      index.remove(Kind.ARTICLE, 1);

      assertEquals(
          List.of(2L),
          similar(index, "Schoigu besucht Pjöngjang").stream().map(Match::id).toList());
      assertEquals(1, index.search(Query.of("Schoigu")).total());
      assertThrows(IllegalArgumentException.class, () -> index.remove(Kind.SENTENCE, 2));
    }
  }

  @Test
  void removeTouchesOnlyItsKind() throws Exception {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.put(article(7, "Schoigu besuchte Pjöngjang."));
      index.put(new ClaimEntry(7, "Schoigu besuchte Pjöngjang", null, "de", List.of(), false));

      index.remove(Kind.CLAIM, 7);

      Page page = index.search(Query.of("Schoigu"));
      assertEquals(List.of(Kind.ARTICLE), page.hits().stream().map(Hit::kind).toList());
    }
  }

  @Test
  void replaceAllDropsWhatIsNotListed() throws Exception {
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.put(article(1, "Schoigu besuchte im Juli Pjöngjang."));

      index.replaceAll(List.of(new ClaimantEntry(5, "John Kirby", null)), 0);

      assertEquals(0, index.search(Query.of("Schoigu")).total());
      assertEquals(1, index.search(Query.of("")).total());
      index.replaceAll(List.of(), 0);
      assertTrue(index.isEmpty());
    }
  }

  @Test
  void aRebuildIsWrittenBesideTheIndexWhichAnswersAsBeforeUntilReplaced() throws Exception {
    Path at = dir.resolve("index");
    try (SearchIndex index = SearchIndex.open(at)) {
      index.replaceAll(List.of(article(1, "Schoigu besuchte im Juli Pjöngjang.")), 7);
      try (SearchIndex.Replacement rebuild = index.replacement()) {
        rebuild.add(new ClaimantEntry(5, "John Kirby", null));
        index.put(new ClaimantEntry(6, "Kim Jong Un", null)); // a commit meanwhile

        assertTrue(java.nio.file.Files.isDirectory(dir.resolve("index.rebuilding")));
        assertEquals(1, index.search(Query.of("Schoigu")).total(), "still the old content");
        assertEquals(0, index.search(Query.of("Kirby")).total());
        assertEquals(7, index.appliedSeq());

        rebuild.replace(9);

        assertEquals(0, index.search(Query.of("Schoigu")).total());
        assertEquals(0, index.search(Query.of("Kim")).total(), "followed again from seq 9 on");
        assertEquals(1, index.search(Query.of("Kirby")).total());
        assertEquals(9, index.appliedSeq());
      }
      assertFalse(java.nio.file.Files.exists(dir.resolve("index.rebuilding")));
    }
    try (SearchIndex reopened = SearchIndex.open(at)) {
      assertEquals(9, reopened.appliedSeq());
      assertEquals(1, reopened.search(Query.of("")).total());
    }
  }

  @Test
  void aRebuildThatDidNotFinishLeavesTheIndexAsItWas() throws Exception {
    try (SearchIndex index = SearchIndex.open(dir.resolve("kept"))) {
      index.replaceAll(List.of(article(1, "Schoigu besuchte im Juli Pjöngjang.")), 3);
      try (SearchIndex.Replacement rebuild = index.replacement()) {
        rebuild.add(new ClaimantEntry(5, "John Kirby", null));
      } // closed without replace: the rebuild failed
      assertEquals(1, index.search(Query.of("")).total());
      assertEquals(3, index.appliedSeq());
      assertFalse(java.nio.file.Files.exists(dir.resolve("kept.rebuilding")));
    }
  }

  @Test
  void theFollowedAuditPositionIsCommittedWithTheChangesAndSurvivesAReopen() throws Exception {
    Path at = dir.resolve("followed");
    try (SearchIndex index = SearchIndex.open(at)) {
      assertEquals(0, index.appliedSeq());
      index.replaceAll(List.of(article(1, "Schoigu besuchte im Juli Pjöngjang.")), 40);
      index.apply(
          List.of(new ClaimantEntry(5, "John Kirby", null)),
          List.of(new SearchIndex.Owner(Kind.ARTICLE, 1)),
          42);
      index.put(new ClaimantEntry(6, "Kim Jong Un", null)); // this node's own write: seq stays
      assertEquals(42, index.appliedSeq());
    }
    try (SearchIndex reopened = SearchIndex.open(at)) {
      assertEquals(42, reopened.appliedSeq());
      assertEquals(0, reopened.search(Query.of("Schoigu")).total());
      assertEquals(2, reopened.search(Query.of("")).total());
    }
  }

  @Test
  void concurrentChangesAndSearchesAgree() throws Exception {
    int writers = 2;
    int claimsEach = 40;
    try (SearchIndex index = SearchIndex.open(dir.resolve("concurrent"))) {
      index.replaceAll(Seeds.ARTICLES, 0);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < claimsEach; i++) {
                    long id = writer * 1000L + i;
                    index.put(
                        new ClaimEntry(
                            id, "Waffenlieferung Nummer " + id, null, "de", List.of(), false));
                  }
                }));
      }
      for (int r = 0; r < 2; r++) {
        work.add(
            pool.submit(
                () -> {
                  long seen = 0;
                  for (int i = 0; i < 60; i++) {
                    long total = index.search(Query.of("Waffenlieferung")).total();
                    assertTrue(total >= seen, "a search saw fewer claims than before");
                    seen = total;
                    index.similar("Schoigu besuchte Pjöngjang", "de", Set.of(), Set.of(), 3);
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS); // rethrows any failure from the threads
      }
      pool.shutdown();
      Query claims =
          new Query(
              "Waffenlieferung", Set.of(Kind.CLAIM), null, null, null, null, null, null, 0, 10);
      assertEquals(writers * claimsEach, index.search(claims).total());
    }
  }

  @Test
  void closedIndexCanBeOpenedAgain() throws Exception {
    Path path = dir.resolve("again");
    SearchIndex first = SearchIndex.open(path);
    first.put(new ClaimantEntry(1, "Jake Sullivan", null));
    first.close();

    try (SearchIndex second = SearchIndex.open(path)) {
      assertEquals(1, second.search(Query.of("Sullivan")).total());
    }
  }

  @Test
  void aRebuildWritesTextsThatShareWordsNextToEachOther() throws Exception {
    // two subjects in random turn (in strict turn, both halves of the first split would be alike,
    // and bisection would find nothing to swap)
    Random random = new Random(7);
    List<ClaimEntry> claims = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      String statement =
          random.nextInt(3) > 0
              ? "Russland lieferte " + i + " Raketen an Nordkorea."
              : "Die Mieten in Berlin stiegen um " + i + " Prozent.";
      claims.add(new ClaimEntry(i, statement, null, "de", List.of(), false));
    }
    Set<String> said = SearchIndex.SAID_FIELDS;
    int written = subjectChanges(rebuilt("as-written", new TextOrder(500, 10, said), claims));
    assertTrue(written > 100, written + " changes of subject between neighbours as written");
    int ordered = subjectChanges(rebuilt("in-order", new TextOrder(100, 10, said), claims));
    assertTrue(ordered <= 10, ordered + " changes of subject between neighbours in order");
    try (SearchIndex index = SearchIndex.open(dir.resolve("in-order"))) {
      long rockets = claims.stream().filter(c -> c.statement().contains("Raketen")).count();
      assertEquals(rockets, index.search(Query.of("Raketen")).total());
      ClaimEntry some = claims.get(200);
      assertEquals(
          some.id(),
          index.similar(some.statement(), "de", Set.of(), Set.of(), 1).get(0).id(),
          "similar() finds a claim by its own words in the new order");
    }
  }

  @Test
  void aRebuildIsMergedIntoAsFewSegmentsAsTheReorderingsMemoryAllows() {
    assertEquals(1, TextOrder.segments(0));
    assertEquals(1, TextOrder.segments(2_002_118)); // a million claims and their sentences
    assertEquals(1, TextOrder.segments(4_000_000));
    assertEquals(2, TextOrder.segments(4_000_001));
    assertEquals(537, TextOrder.segments(Integer.MAX_VALUE));
  }

  private Path rebuilt(String name, TextOrder order, List<ClaimEntry> claims) throws Exception {
    Path at = dir.resolve(name);
    try (SearchIndex index = SearchIndex.open(at, order)) {
      index.replaceAll(claims, 1);
    }
    return at;
  }

  /** Neighbours in the index's order that are about different subjects. */
  private static int subjectChanges(Path index) throws Exception {
    try (FSDirectory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(1, reader.leaves().size());
      StoredFields stored = reader.storedFields();
      int changes = 0;
      for (int doc = 1; doc < reader.maxDoc(); doc++) {
        boolean before = stored.document(doc - 1).get("body_de").contains("Raketen");
        changes += before == stored.document(doc).get("body_de").contains("Raketen") ? 0 : 1;
      }
      return changes;
    }
  }

  private static ArticleEntry article(long id, String text) {
    return new ArticleEntry(
        id,
        "Artikel " + id,
        null,
        "de",
        null,
        text,
        List.of(new Span(0, text.length())),
        false,
        false);
  }

  private static List<Match> similar(SearchIndex index, String text) {
    return index.similar(text, "de", Set.of(), Set.of(), 5);
  }
}
