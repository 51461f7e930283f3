package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimdesk.testing.SeedText;
import org.junit.jupiter.api.Test;

/**
 * Ranks the five seed articles and compares the top of each ranking with the hand labels in {@code
 * claim/checkworthy-seeds.tsv} (labelled before the scorer was written). Run with {@code mvn -o
 * test -Dtest=CheckWorthinessQualityTest} to see the table.
 */
class CheckWorthinessQualityTest {
  // one hit under the values measured with the hand-set weights (p@5 1.0/0.8/1.0/0.8/1.0, mean
  // p@10 0.84); 002 two under: the fitted weights (not tuned to the seeds) measure 0.6 there while
  // mean p@10 rises to 0.86, see the doc
  static final Map<String, Double> MIN_PRECISION_AT_5 =
      Map.of(
          "000_da7b1f475156277f.txt", 0.8,
          "001_c92052077ae66e60.txt", 0.6,
          "002_2f1474f60fdc96d6.txt", 0.6,
          "003_cf013e87bb0c4974.txt", 0.6,
          "004_13fc5d182ca531a0.txt", 0.8);
  static final double MIN_MEAN_PRECISION_AT_10 = 0.8;
  static final int MAX_UNLABELLED_PER_ARTICLE = 2;

  record Label(int label, String reasoning) {}

  static Map<String, Map<String, Label>> labels() throws IOException {
    Map<String, Map<String, Label>> labels = new HashMap<>();
    try (InputStream in =
        CheckWorthinessQualityTest.class.getResourceAsStream("/claim/checkworthy-seeds.tsv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] cells = lines[i].split("\t", -1);
        labels
            .computeIfAbsent(cells[0], k -> new HashMap<>())
            .put(normalise(cells[1]), new Label(Integer.parseInt(cells[2]), cells[3]));
      }
    }
    return labels;
  }

  static String normalise(String sentence) {
    return sentence.replaceAll("\\s+", " ").strip();
  }

  @Test
  void rankingKeepsItsPrecisionOnTheLabelledSeeds() throws IOException {
    Map<String, Map<String, Label>> labels = labels();
    StringBuilder table = new StringBuilder();
    table.append(
        String.format("%-26s %9s %8s %8s %10s%n", "seed", "positive", "p@5", "p@10", "unlabelled"));
    List<String> failures = new ArrayList<>();
    double sumAt10 = 0;
    for (String file : SeedText.FILES) {
      Map<String, Label> fileLabels = labels.get(file);
      List<Suggestion> ranked = CheckWorthiness.rank(SeedText.of(file), "de");
      int unlabelled = 0;
      int hitsAt5 = 0;
      int hitsAt10 = 0;
      for (int i = 0; i < ranked.size(); i++) {
        Label label = fileLabels.get(normalise(ranked.get(i).sentence()));
        if (label == null) {
          unlabelled++;
          System.out.println("unlabelled: " + ranked.get(i).sentence());
          continue;
        }
        hitsAt5 += i < 5 ? label.label() : 0;
        hitsAt10 += i < 10 ? label.label() : 0;
      }
      double at5 = hitsAt5 / 5.0;
      double at10 = hitsAt10 / 10.0;
      sumAt10 += at10;
      long positives = fileLabels.values().stream().filter(l -> l.label() == 1).count();
      table.append(
          String.format(
              "%-26s %4d/%-4d %8.2f %8.2f %10d%n",
              file, positives, fileLabels.size(), at5, at10, unlabelled));
      if (unlabelled > MAX_UNLABELLED_PER_ARTICLE) {
        failures.add(file + ": " + unlabelled + " ranked sentences have no label");
      }
      if (at5 < MIN_PRECISION_AT_5.get(file)) {
        failures.add(file + ": precision@5 " + at5 + " < " + MIN_PRECISION_AT_5.get(file));
      }
      printTop(file, ranked, fileLabels);
    }
    double meanAt10 = sumAt10 / SeedText.FILES.size();
    table.append(String.format("%-26s %9s %8s %8.2f%n", "mean", "", "", meanAt10));
    System.out.println(table);
    if (meanAt10 < MIN_MEAN_PRECISION_AT_10) {
      failures.add("mean precision@10 " + meanAt10 + " < " + MIN_MEAN_PRECISION_AT_10);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + table);
  }

  private static void printTop(String file, List<Suggestion> ranked, Map<String, Label> labels) {
    System.out.println("== " + file);
    for (int i = 0; i < ranked.size(); i++) {
      Suggestion s = ranked.get(i);
      Label label = labels.get(normalise(s.sentence()));
      System.out.printf(
          "%2d %s %5.2f %-70.70s %s%n",
          i + 1, label == null ? "?" : label.label(), s.score(), s.sentence(), s.reasons());
    }
  }
}
