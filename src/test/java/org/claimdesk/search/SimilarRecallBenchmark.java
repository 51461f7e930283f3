package org.claimdesk.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.claimdesk.claim.match.SameClaim;
import org.claimdesk.testing.GermEvalComments;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How often {@link SearchIndex#similar} offers the other side of a labelled pair ({@code
 * claim-pairs-de.tsv}, both splits) among its ten matches, with every pair's texts, the five seed
 * articles and GermEval 2021's 3,244 German comments indexed beside them: the candidates' search
 * (MoreLikeThis) has to find the pair among texts that share its words. Run with:
 *
 * <pre>
 * mvn -o -B test -Pbenchmark -Dtest=SimilarRecallBenchmark -Dclaimdesk.shared=/work/shared
 * </pre>
 */
@Tag("benchmark")
class SimilarRecallBenchmark {
  private static final String PAIRS = "/org/claimdesk/claim/match/claim-pairs-de.tsv";

  @Test
  void pairsFoundAmongSharedWords() throws IOException {
    List<String[]> pairs = pairs();
    try (SearchIndex index = SearchIndex.inMemory()) {
      index.replaceAll(Seeds.ARTICLES, 0);
      long id = 1;
      for (String comment : GermEvalComments.texts()) {
        index.put(new ClaimEntry(id++, comment, null, "de", List.of(), false));
      }
      long first = 1_000_000;
      for (int i = 0; i < pairs.size(); i++) {
        index.put(new ClaimEntry(first + 2L * i, pairs.get(i)[5], null, "de", List.of(), false));
        index.put(
            new ClaimEntry(first + 2L * i + 1, pairs.get(i)[6], null, "de", List.of(), false));
      }
      System.out.printf(Locale.ROOT, "%d pairs, %d comments beside them%n", pairs.size(), id - 1);
      System.out.println("| label | pairs | other side offered | share |");
      System.out.println("|---|---|---|---|");
      long started = System.nanoTime();
      for (String label : List.of("same", "related", "unrelated")) {
        int n = 0;
        int offered = 0;
        for (int i = 0; i < pairs.size(); i++) {
          if (!pairs.get(i)[3].equals(label)) {
            continue;
          }
          long a = first + 2L * i;
          long b = a + 1;
          List<Match> matches =
              index.similar(
                  pairs.get(i)[5],
                  "de",
                  EnumSet.of(Kind.SENTENCE, Kind.CLAIM),
                  Set.of(),
                  Set.of(a),
                  SameClaim.shipped().cut,
                  10);
          n++;
          if (matches.stream().anyMatch(m -> m.kind() == Kind.CLAIM && m.id() == b)) {
            offered++;
          }
        }
        System.out.printf(
            Locale.ROOT, "| %s | %d | %d | %.3f |%n", label, n, offered, offered / (double) n);
      }
      System.out.printf(
          Locale.ROOT, "%.1f ms per lookup%n", (System.nanoTime() - started) / 1e6 / pairs.size());
    }
  }

  private static List<String[]> pairs() throws IOException {
    List<String[]> pairs = new ArrayList<>();
    try (InputStream in = SimilarRecallBenchmark.class.getResourceAsStream(PAIRS)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          pairs.add(lines[i].split("\t", -1));
        }
      }
    }
    return pairs;
  }
}
