package org.claimdesk.claim.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.claimdesk.testing.GermEvalComments;
import org.claimdesk.testing.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fits {@link SameClaim} on the dev split of the labelled German claim pairs ({@code
 * claim-pairs-de.tsv}, guideline in docs/claim-pairs-guideline.md), picks the cut that gives the
 * best F1 on dev, reports precision and recall on dev and on the held-out test split, and writes
 * {@code src/main/resources/org/claimdesk/claim/match/same-claim-weights.properties}. Run with:
 *
 * <pre>
 * mvn -o -B test -Pbenchmark -Dtest=SameClaimFit -Dclaimdesk.shared=/work/shared
 * </pre>
 *
 * It first counts in how many of GermEval 2021's 3,244 German comments each concept occurs and
 * writes {@code concept-frequencies_de.txt}: a word every other text uses ("sagen", "Jahr") weighs
 * less than a name, whatever the index holds.
 */
@Tag("benchmark")
class SameClaimFit {
  static final String COMMAND =
      "mvn -o -B test -Pbenchmark -Dtest=SameClaimFit -Dclaimdesk.shared=/work/shared";

  /** General German text for how common each word is: the comments only, not their labels. */
  static final String REFERENCE = GermEvalComments.PATH;

  /** Words in fewer reference texts than this count as rare (rarity 1) and are not listed. */
  static final int MIN_DOCUMENTS = 2;

  static final String PAIRS = "claim-pairs-de.tsv";

  /** The L2 penalties tried; the one with the best cross-validated log-loss on dev is used. */
  static final double[] LAMBDAS = {0.1, 0.03, 0.01, 0.003, 0.001};

  static final int FOLDS = 5;

  /** The floors tried for "little shared"; chosen with the penalty by cross-validation on dev. */
  static final double[] FLOORS = {0.0, 0.05, 0.1, 0.15, 0.2};

  /**
   * The shipped cut maximises F1 on dev: a duplicate missed opens a second case, a false flag costs
   * a glance. (The F0.5 cut is printed beside it: far fewer flags, most duplicates missed.)
   */
  static final double BETA = 1;

  /** Pairs across events per labelled pair. */
  static final int ACROSS = 2;

  record Pair(
      String id,
      String event,
      String split,
      String label,
      String phenomenon,
      String a,
      String b,
      double[] x) {
    boolean same() {
      return label.equals("same");
    }
  }

  @Test
  void fit() throws IOException {
    Map<String, Double> rarities = frequencies();
    ToDoubleFunction<String> rarity = c -> rarities.getOrDefault(c, 1.0);
    // the floor and the penalty together, by cross-validated log-loss on dev
    double floor = FLOORS[0];
    double lambda = LAMBDAS[0];
    double bestLoss = Double.MAX_VALUE;
    System.out.println("\nFloor and penalty by 5-fold cross-validation on dev (folds by event):");
    for (double f : FLOORS) {
      List<Pair> candidates = pairs(rarity, f);
      List<Pair> fitting = new ArrayList<>(split(candidates, "dev"));
      fitting.addAll(across(split(candidates, "dev"), rarity, f));
      for (double l : LAMBDAS) {
        double loss = crossValidatedLoss(fitting, l);
        System.out.printf(Locale.ROOT, "  floor %.2f, L2 %.3f: log-loss %.4f%n", f, l, loss);
        if (loss < bestLoss) {
          bestLoss = loss;
          floor = f;
          lambda = l;
        }
      }
    }
    List<Pair> pairs = pairs(rarity, floor);
    List<Pair> dev = split(pairs, "dev");
    List<Pair> test = split(pairs, "test");
    // The labelled set's unrelated pairs all share a name or topic; in the index most candidates
    // share much less. Pairs across events (ACROSS per labelled pair) show the fit that end too,
    // and the cut is chosen on dev with them, so it is not set for a set of half duplicates.
    List<Pair> devAcross = across(dev, rarity, floor);
    List<Pair> testAcross = across(test, rarity, floor);
    List<Pair> fitted = new ArrayList<>(dev);
    fitted.addAll(devAcross);
    double[] w = fit(fitted, lambda);
    ToDoubleFunction<Pair> model = p -> probability(w, p.x);
    double cut = bestCut(fitted, model, BETA);
    double f05Cut = bestCut(fitted, model, 0.5);
    ToDoubleFunction<Pair> dice = p -> p.x[0];
    double diceCut = bestCut(dev, dice, BETA);

    System.out.printf(
        Locale.ROOT,
        "%n%d pairs: %d dev, %d test; cut %.3f (best F1 on dev with its pairs across events)%n",
        pairs.size(),
        dev.size(),
        test.size(),
        cut);
    System.out.println("| split | scorer | cut | precision | recall | F1 | ROC-AUC |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (List<Pair> set : List.of(dev, test)) {
      String name = set == dev ? "dev" : "test";
      row(name, "SameClaim, cut (best F1: similar-claims lists)", set, model, cut);
      row(name, "SameClaim, flag_cut (best F0.5: reader flags)", set, model, f05Cut);
      row(name, "weighted concept overlap (Dice) alone", set, dice, diceCut);
    }
    for (List<Pair> set : List.of(devAcross, testAcross)) {
      long offered = set.stream().filter(p -> model.applyAsDouble(p) >= cut).count();
      System.out.printf(
          Locale.ROOT,
          "%s: %d of %d pairs across events offered as the same claim%n",
          set == devAcross ? "dev" : "test",
          offered,
          set.size());
    }
    for (Pair p : testAcross) {
      if (model.applyAsDouble(p) >= cut) {
        System.out.printf(
            Locale.ROOT,
            "across %.3f %s%n   %s%n   %s%n",
            model.applyAsDouble(p),
            java.util.Arrays.toString(p.x),
            p.a,
            p.b);
      }
    }
    System.out.println("\nTest split by label: share offered as the same claim");
    for (String label : List.of("same", "related", "unrelated")) {
      long n = test.stream().filter(p -> p.label.equals(label)).count();
      long offered =
          test.stream().filter(p -> p.label.equals(label) && model.applyAsDouble(p) >= cut).count();
      System.out.printf(Locale.ROOT, "%-10s %3d/%3d%n", label, offered, n);
    }
    System.out.println("\nTest split by phenomenon: pairs labelled correctly");
    Map<String, int[]> byPhenomenon = new TreeMap<>();
    for (Pair p : test) {
      boolean right = model.applyAsDouble(p) >= cut == p.same();
      for (String tag : p.phenomenon.split("[+,; ]+")) {
        int[] c = byPhenomenon.computeIfAbsent(p.label + " " + tag, k -> new int[2]);
        c[0] += right ? 1 : 0;
        c[1]++;
      }
    }
    byPhenomenon.forEach(
        (k, c) -> System.out.printf(Locale.ROOT, "%-34s %3d/%3d%n", k, c[0], c[1]));
    System.out.println("\nTest split errors:");
    for (Pair p : test) {
      double s = model.applyAsDouble(p);
      if (s >= cut != p.same()) {
        System.out.printf(Locale.ROOT, "%s %-9s %.3f %s%n", p.id, p.label, s, p.phenomenon);
      }
    }
    write(w, lambda, cut, f05Cut, floor, dev.size(), test, model);
    assertTrue(
        f1(test, model, cut) > f1(test, dice, diceCut) - 0.05, "fitted model far below Dice");
  }

  /** Counts each concept's documents in the reference texts, writes them, returns rarities. */
  static Map<String, Double> frequencies() throws IOException {
    List<String> comments = GermEvalComments.texts();
    Map<String, Integer> df = new TreeMap<>();
    int documents = 0;
    for (String comment : comments) {
      String text = comment.replaceAll("@(?:USER|MEDIUM|MODERATOR)\\b", " ");
      for (String key : Reading.of(text, "de").conceptKeys()) {
        df.merge(key, 1, Integer::sum);
      }
      documents++;
    }
    StringBuilder out = new StringBuilder();
    out.append("# How many of ")
        .append(documents)
        .append(
            " German texts use each concept (document frequency), written by SameClaimFit:\n#   ")
        .append(COMMAND)
        .append("\n# Reference texts: the comments of ")
        .append(REFERENCE)
        .append(" (GermEval 2021), labels unused.\n# Concepts in fewer than ")
        .append(MIN_DOCUMENTS)
        .append(" texts are left out (rarity 1).\n# documents=")
        .append(documents)
        .append('\n');
    Map<String, Double> rarities = new java.util.HashMap<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      if (e.getValue() >= MIN_DOCUMENTS) {
        out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        rarities.put(e.getKey(), Vocabulary.rarity(e.getValue(), documents));
      }
    }
    Path file =
        Path.of("src/main/resources/org/claimdesk/claim/match", Vocabulary.frequenciesFile("de"));
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT, "wrote %s: %d concepts from %d texts%n", file, rarities.size(), documents);
    return rarities;
  }

  static List<Pair> pairs(ToDoubleFunction<String> rarity, double floor) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    try (InputStream in = SameClaimFit.class.getResourceAsStream(PAIRS)) {
      if (in == null) {
        throw new IllegalStateException("labelled pairs missing: " + PAIRS);
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] c = lines[i].split("\t", -1);
        double[] x =
            SameClaim.features(Reading.of(c[5], "de"), Reading.of(c[6], "de"), rarity, floor);
        pairs.add(new Pair(c[0], c[1], c[2], c[3], c[4], c[5], c[6], x));
      }
    }
    return pairs;
  }

  /** For each pair, its first sentence against the second of a pair of another event. */
  static List<Pair> across(List<Pair> pairs, ToDoubleFunction<String> rarity, double floor) {
    List<Pair> across = new ArrayList<>();
    java.util.Random random = new java.util.Random(327);
    for (Pair p : pairs) {
      for (int n = 0; n < ACROSS; n++) {
        Pair q;
        do {
          q = pairs.get(random.nextInt(pairs.size()));
        } while (q.event.equals(p.event));
        double[] x =
            SameClaim.features(Reading.of(p.a, "de"), Reading.of(q.b, "de"), rarity, floor);
        across.add(new Pair(p.id + "x" + q.id, p.event, p.split, "across", "", p.a, q.b, x));
      }
    }
    return across;
  }

  static double probability(double[] w, double[] x) {
    return LogisticRegression.probability(w, x);
  }

  /** Weights kept to {@link SameClaim#SIGNS}, L2 of lambda per pair, none on the intercept. */
  static double[] fit(List<Pair> pairs, double lambda) {
    double[][] x = pairs.stream().map(Pair::x).toArray(double[][]::new);
    double[] y = pairs.stream().mapToDouble(p -> p.same() ? 1 : 0).toArray();
    double[] none = new double[SameClaim.FEATURES.size()];
    return LogisticRegression.fit(x, y, none, lambda * pairs.size(), SameClaim.SIGNS);
  }

  /**
   * Cross-validation inside dev, folds by event (an event's pairs share words, so they must not be
   * split between fitting and scoring): the mean out-of-fold log-loss.
   */
  static double crossValidatedLoss(List<Pair> dev, double lambda) {
    List<String> events = dev.stream().map(Pair::event).distinct().sorted().toList();
    double loss = 0;
    for (int fold = 0; fold < FOLDS; fold++) {
      int f = fold;
      List<Pair> train = dev.stream().filter(p -> events.indexOf(p.event) % FOLDS != f).toList();
      double[] w = fit(train, lambda);
      for (Pair p : dev) {
        if (events.indexOf(p.event) % FOLDS == f) {
          double q = Math.min(1 - 1e-9, Math.max(1e-9, probability(w, p.x)));
          loss -= p.same() ? Math.log(q) : Math.log(1 - q);
        }
      }
    }
    return loss / dev.size();
  }

  static List<Pair> split(List<Pair> pairs, String split) {
    return pairs.stream().filter(p -> p.split.equals(split)).toList();
  }

  /**
   * The score cut with the best F-beta (beta 1: precision and recall alike; 0.5: precision counts
   * twice), the higher cut on ties.
   */
  static double bestCut(List<Pair> pairs, ToDoubleFunction<Pair> score, double beta) {
    double best = 0.5;
    double bestF = -1;
    for (Pair p : pairs) {
      double cut = score.applyAsDouble(p);
      double f = f(pairs, score, cut, beta);
      if (f > bestF || f == bestF && cut > best) {
        bestF = f;
        best = cut;
      }
    }
    return best;
  }

  static double f(List<Pair> pairs, ToDoubleFunction<Pair> score, double cut, double beta) {
    int[] c = counts(pairs, score, cut);
    double b2 = beta * beta;
    return c[0] == 0 ? 0 : (1 + b2) * c[0] / ((1 + b2) * c[0] + b2 * c[2] + c[1]);
  }

  /** {true positives, false positives, false negatives}. */
  static int[] counts(List<Pair> pairs, ToDoubleFunction<Pair> score, double cut) {
    int[] c = new int[3];
    for (Pair p : pairs) {
      boolean offered = score.applyAsDouble(p) >= cut;
      if (offered && p.same()) {
        c[0]++;
      } else if (offered) {
        c[1]++;
      } else if (p.same()) {
        c[2]++;
      }
    }
    return c;
  }

  static double f1(List<Pair> pairs, ToDoubleFunction<Pair> score, double cut) {
    return f(pairs, score, cut, 1);
  }

  static double auc(List<Pair> pairs, ToDoubleFunction<Pair> score) {
    double wins = 0;
    long n = 0;
    for (Pair p : pairs) {
      if (!p.same()) {
        continue;
      }
      for (Pair q : pairs) {
        if (q.same()) {
          continue;
        }
        double a = score.applyAsDouble(p);
        double b = score.applyAsDouble(q);
        wins += a > b ? 1 : a == b ? 0.5 : 0;
        n++;
      }
    }
    return n == 0 ? Double.NaN : wins / n;
  }

  private static void row(
      String split, String scorer, List<Pair> pairs, ToDoubleFunction<Pair> score, double cut) {
    int[] c = counts(pairs, score, cut);
    double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
    double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.3f | %.3f (%d/%d) | %.3f (%d/%d) | %.3f | %.3f |%n",
        split,
        scorer,
        cut,
        precision,
        c[0],
        c[0] + c[1],
        recall,
        c[0],
        c[0] + c[2],
        f1(pairs, score, cut),
        auc(pairs, score));
  }

  private static void write(
      double[] w,
      double lambda,
      double cut,
      double flagCut,
      double floor,
      int devSize,
      List<Pair> test,
      ToDoubleFunction<Pair> model)
      throws IOException {
    int[] c = counts(test, model, cut);
    StringBuilder out = new StringBuilder();
    out.append("# Claim matching weights, fitted by SameClaimFit. Do not edit: run\n#   ")
        .append(COMMAND)
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "# Data: %d dev pairs (and as many across events) of src/test/resources/org/claimdesk/claim/match/%s (German;"
                + " docs/claim-pairs-guideline.md).%n# Logistic regression, weights kept to their signs, L2"
                + " %.3f and floor cross-validated on dev; cut = best F1, flag_cut = best F0.5 on"
                + " dev. Held-out test: precision %.3f, recall %.3f.%n",
            devSize,
            PAIRS,
            lambda,
            c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]),
            c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2])));
    out.append(String.format(Locale.ROOT, "intercept=%.4f%n", w[0]));
    for (int i = 0; i < SameClaim.FEATURES.size(); i++) {
      out.append(String.format(Locale.ROOT, "%s=%.4f%n", SameClaim.FEATURES.get(i), w[i + 1]));
    }
    out.append(String.format(Locale.ROOT, "cut=%.4f%n", cut));
    out.append(String.format(Locale.ROOT, "flag_cut=%.4f%n", flagCut));
    out.append(String.format(Locale.ROOT, "floor=%.2f%n", floor));
    Path file = Path.of("src/main/resources/org/claimdesk/claim/match", SameClaim.FILE);
    Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    System.out.println("\nwrote " + file);
  }
}
