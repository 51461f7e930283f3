package org.claimdesk.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * similar() and search() on 20,000 synthetic sentences (1,000 articles) and 5,000 claims made of
 * the seeds' vocabulary, in a file-system index. Run with {@code mvn test -Pbenchmark
 * -Dtest=SearchIndexBenchmark}; figures in docs/benchmarks.md.
 */
@Tag("benchmark")
class SearchIndexBenchmark {

  private static final int ARTICLES = 1_000;
  private static final int SENTENCES_PER_ARTICLE = 20;
  private static final int CLAIMS = 5_000;
  private static final int QUERIES = 300;

  @Test
  void similarAndSearchAtTwentyThousandSentences() throws Exception {
    Random random = new Random(4);
    String[] words =
        Seeds.ARTICLES.stream()
            .flatMap(a -> Arrays.stream(a.text().split("[^\\p{L}\\p{N}-]+")))
            .filter(w -> w.length() > 1)
            .toArray(String[]::new);
    List<Entry> entries = new ArrayList<>();
    for (int a = 0; a < ARTICLES; a++) {
      StringBuilder text = new StringBuilder();
      List<Span> sentences = new ArrayList<>();
      for (int s = 0; s < SENTENCES_PER_ARTICLE; s++) {
        int start = text.length();
        text.append(sentence(random, words, 12 + random.nextInt(14)));
        sentences.add(new Span(start, text.length()));
        text.append(' ');
      }
      entries.add(
          new ArticleEntry(
              a,
              sentence(random, words, 8),
              "Outlet " + (a % 20),
              "de",
              LocalDate.of(2024, 1, 1).plusDays(a % 365),
              text.toString(),
              sentences,
              a % 3 == 0,
              a % 7 == 0));
    }
    for (int c = 0; c < CLAIMS; c++) {
      entries.add(
          new ClaimEntry(
              c,
              sentence(random, words, 8 + random.nextInt(6)),
              null,
              "de",
              List.of(new Quote(c % ARTICLES, 0, 1, sentence(random, words, 15))),
              c % 4 == 0));
    }
    Path dir = Files.createTempDirectory("search-benchmark");
    try (SearchIndex index = SearchIndex.open(dir)) {
      long t0 = System.nanoTime();
      index.replaceAll(entries, 0);
      System.out.printf(
          "replaceAll of %d entries: %.1f s%n", entries.size(), (System.nanoTime() - t0) / 1e9);

      long[] similar = new long[QUERIES];
      long[] search = new long[QUERIES];
      long[] filtered = new long[QUERIES];
      long[] put = new long[100];
      for (int i = 0; i < QUERIES; i++) {
        String text = sentence(random, words, 15);
        long s = System.nanoTime();
        index.similar(text, "de", Set.of((long) i), Set.of(), 10);
        similar[i] = System.nanoTime() - s;
        String q = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
        s = System.nanoTime();
        index.search(Query.of(q));
        search[i] = System.nanoTime() - s;
        s = System.nanoTime();
        index.search(
            new Query(
                words[random.nextInt(words.length)],
                Set.of(Kind.ARTICLE),
                "Outlet 3",
                "de",
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 9, 1),
                true,
                null,
                20,
                20));
        filtered[i] = System.nanoTime() - s;
      }
      for (int i = 0; i < put.length; i++) {
        long s = System.nanoTime();
        index.put(
            new ClaimEntry(100_000 + i, sentence(random, words, 10), null, "de", List.of(), false));
        put[i] = System.nanoTime() - s;
      }
      report("similar(), 15-word text, limit 10", similar);
      report("search(), two words, page 1", search);
      report("search(), one word + all filters, page 2", filtered);
      report("put() of one claim (commit + refresh)", put);
    }
  }

  private static String sentence(Random random, String[] words, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
    }
    return s.append('.').toString();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%s: p50 %.1f ms, p95 %.1f ms (%d runs, first-run warm-up included)%n",
        what,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted.length);
  }
}
