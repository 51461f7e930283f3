package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.claimdesk.testing.LogisticRegression;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fits the check-worthiness weights on GermEval 2021 (3,244 German comments labelled
 * Sub3_FactClaiming), reports 5-fold stratified cross-validated ROC-AUC beside the text-length
 * baseline and the former hand-set score, and writes the weights fitted on all comments to {@code
 * src/main/resources/org/claimdesk/claim/suggest/checkworthiness-weights.properties} and the word
 * weights learned on them to {@code checkworthiness-words_de.txt} beside it. Word weights are
 * learned inside each fold only, so the held-out comments never shape them. Run with:
 *
 * <pre>
 * mvn -o -B test -Pbenchmark -Dtest=CheckWorthinessFit -Dclaimdesk.shared=/work/shared
 * </pre>
 *
 * Add {@code -Dclaimdesk.english=<tsv>} (columns sentence_id, label, text) to score an English set
 * with the fitted weights. A comment's score is the intercept plus the weighted sum of its
 * sentences' {@link Features}, so the same weights score one sentence in the reader.
 */
@Tag("benchmark")
class CheckWorthinessFit {
  static final String COMMAND =
      "mvn -o -B test -Pbenchmark -Dtest=CheckWorthinessFit -Dclaimdesk.shared=/work/shared";
  static final String DATA = "dev-data/checkworthy/germeval21_train.csv";
  static final int FOLDS = 5;
  static final long SEED = 15;

  /** L2 penalty, centred on the former hand-set weights (see {@link #JUDGED}). */
  static final double LAMBDA = 1.0;

  private static final Pattern PLACEHOLDERS = Pattern.compile("@(?:USER|MEDIUM|MODERATOR)\\b");

  /**
   * The weights set by judgement before any data was used. The fit shrinks towards them, so a
   * signal the comments never show (BOILERPLATE) keeps its judged weight; counts shrink to 0.
   */
  static final Map<Signal, Double> JUDGED =
      Map.ofEntries(
          Map.entry(Signal.QUANTITY, 1.5),
          Map.entry(Signal.DATE, 1.0),
          Map.entry(Signal.NAMED_SOURCE, 1.25),
          Map.entry(Signal.REPORTED_SPEECH, 0.75),
          Map.entry(Signal.COMPARISON, 0.75),
          Map.entry(Signal.LEGAL_OR_CAUSAL, 1.0),
          Map.entry(Signal.EVENT, 1.0),
          Map.entry(Signal.OPINION, -1.5),
          Map.entry(Signal.QUESTION, -2.5),
          Map.entry(Signal.FEELING, -1.0),
          Map.entry(Signal.SPECULATION, -0.75),
          Map.entry(Signal.BOILERPLATE, -6.0),
          Map.entry(Signal.TOO_SHORT, -4.0),
          Map.entry(Signal.HEADLINE, -3.0));

  /** Laplace smoothing of the word weights' shares. */
  static final double WORD_SMOOTHING = 1.0;

  /** A stem gets a weight only when at least this many comments (of the fitting data) have it. */
  static final int WORD_MIN_COMMENTS = 2;

  /**
   * One labelled text: its sentences' features (word weights left 0, filled in by {@link #summed}),
   * their word stems, its former score and its length.
   */
  record Item(
      String text, int label, List<double[]> sentences, List<Set<String>> stems, double judged) {
    /** The comment's features: the sum of its sentences', word weights taken from {@code words}. */
    double[] summed(WordWeights words) {
      double[] sum = new double[Features.NAMES.size()];
      for (int s = 0; s < sentences.size(); s++) {
        double[] x = sentences.get(s);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += x[i];
        }
        sum[Features.WORD_WEIGHTS] += words.sum(stems.get(s));
      }
      return sum;
    }

    Set<String> allStems() {
      Set<String> all = new HashSet<>();
      stems.forEach(all::addAll);
      return all;
    }
  }

  /** Fitted weights and the word weights learned on the same comments. */
  record Model(Weights weights, WordWeights words) {
    double score(Item item) {
      return weights.score(item.summed(words));
    }
  }

  @Test
  void fitWeightsOnGermanCommentsAndWriteThem() throws IOException {
    Path shared = Path.of(System.getProperty("claimdesk.shared", "../shared"));
    List<String[]> rows = csv(Files.readString(shared.resolve(DATA)));
    List<String> header = List.of(rows.get(0));
    int textColumn = header.indexOf("comment_text");
    int labelColumn = header.indexOf("Sub3_FactClaiming");
    List<Item> items = new ArrayList<>();
    long start = System.nanoTime();
    for (String[] row : rows.subList(1, rows.size())) {
      items.add(item(row[textColumn], Integer.parseInt(row[labelColumn].strip()), "de"));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long positives = items.stream().filter(i -> i.label() == 1).count();
    System.out.printf(
        "%s: %d comments, %d fact-claiming; features in %.1f s%n",
        DATA, items.size(), positives, seconds);

    int[] fold = folds(items, SEED);
    double[] outOfFold = new double[items.size()];
    StringBuilder table = new StringBuilder();
    table.append(String.format("%-6s %8s %8s %8s%n", "fold", "model", "length", "former"));
    List<String> failures = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      List<Item> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (fold[i] == f) {
          test.add(i);
        } else {
          train.add(items.get(i));
        }
      }
      Model m = train(train, LAMBDA, true, SEED + 1 + f);
      List<Item> held = test.stream().map(items::get).toList();
      for (int i : test) {
        outOfFold[i] = m.score(items.get(i));
      }
      double model = auc(held, test.stream().mapToDouble(i -> outOfFold[i]).toArray());
      double length = auc(held, held.stream().mapToDouble(i -> i.text().length()).toArray());
      double former = auc(held, held.stream().mapToDouble(Item::judged).toArray());
      table.append(String.format("%-6d %8.3f %8.3f %8.3f%n", f + 1, model, length, former));
      if (model <= length) {
        failures.add("fold " + (f + 1) + ": model " + model + " <= length " + length);
      }
    }
    double cv = auc(items, outOfFold);
    double length = auc(items, items.stream().mapToDouble(i -> i.text().length()).toArray());
    double former = auc(items, items.stream().mapToDouble(Item::judged).toArray());
    table.append(String.format("%-6s %8.3f %8.3f %8.3f%n", "all", cv, length, former));
    System.out.println("ROC-AUC, 5-fold stratified CV (seed " + SEED + ", lambda " + LAMBDA + ")");
    System.out.print(table);
    System.out.printf(
        "  without word weights CV ROC-AUC %.3f%n", crossValidate(items, fold, LAMBDA, false));
    for (double lambda : new double[] {0.1, 10, 100}) {
      System.out.printf(
          "  lambda %-5s CV ROC-AUC %.3f%n", lambda, crossValidate(items, fold, lambda, true));
    }

    Model model = train(items, LAMBDA, true, SEED);
    Path resources =
        Path.of(System.getProperty("basedir", "."))
            .resolve("src/main/resources/org/claimdesk/claim/suggest");
    write(resources.resolve(Weights.FILE), model.weights(), items.size(), "word weights", cv);
    Model withoutWords = train(items, LAMBDA, false, SEED);
    write(
        resources.resolve(Weights.WITHOUT_WORDS_FILE),
        withoutWords.weights(),
        items.size(),
        "no word weights (for languages without them)",
        crossValidate(items, fold, LAMBDA, false));
    Path words = resources.resolve(WordWeights.file("de"));
    Files.writeString(words, wordsFile(learnWordMap(items), items.size()), StandardCharsets.UTF_8);
    System.out.println("wrote " + words + " (" + model.words().size() + " stems)");

    english(withoutWords.weights());
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(cv > length, "cross-validated " + cv + " not above length " + length);
  }

  private static void write(Path out, Weights all, int comments, String words, double cv)
      throws IOException {
    double[] weights = all.weights();
    StringBuilder file = new StringBuilder();
    file.append(
            "# Check-worthiness weights (log-odds), fitted by CheckWorthinessFit. Do not edit: run\n")
        .append("#   ")
        .append(COMMAND)
        .append('\n')
        .append("# Data: ")
        .append(DATA)
        .append(" (GermEval 2021, ")
        .append(comments)
        .append(" German comments, label Sub3_FactClaiming).\n")
        .append(
            String.format(
                Locale.ROOT,
                "# Logistic regression, L2 %.1f towards the former hand-set weights, %s;%n"
                    + "# 5-fold stratified CV ROC-AUC %.3f. Fitted here on all comments.%n",
                LAMBDA,
                words,
                cv));
    file.append(String.format(Locale.ROOT, "%s=%.4f%n", Weights.INTERCEPT, all.intercept));
    for (int i = 0; i < weights.length; i++) {
      file.append(String.format(Locale.ROOT, "%s=%.4f%n", Features.NAMES.get(i), weights[i]));
    }
    Files.writeString(out, file, StandardCharsets.UTF_8);
    System.out.println("wrote " + out + ":\n" + file);
  }

  /** Scores an English labelled set with the weights just fitted without word weights. */
  private static void english(Weights shipped) throws IOException {
    String path = System.getProperty("claimdesk.english");
    if (path == null || path.isBlank()) {
      System.out.println("English: not measured (no -Dclaimdesk.english=<tsv>)");
      return;
    }
    List<String> lines = Files.readAllLines(Path.of(path), StandardCharsets.UTF_8);
    List<Item> items = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", 3);
      items.add(item(cells[2], Integer.parseInt(cells[1].strip()), "en"));
    }
    WordWeights words = WordWeights.of("en");
    double model =
        auc(items, items.stream().mapToDouble(i -> shipped.score(i.summed(words))).toArray());
    double length = auc(items, items.stream().mapToDouble(i -> i.text().length()).toArray());
    double former = auc(items, items.stream().mapToDouble(Item::judged).toArray());
    System.out.printf(
        "English %s: %d sentences, %d positive; ROC-AUC model %.3f, length %.3f, former %.3f%n",
        path,
        items.size(),
        items.stream().filter(i -> i.label() == 1).count(),
        model,
        length,
        former);
  }

  /** RFC 4180 rows, the header first: comments hold commas, line breaks and quotes. */
  static List<String[]> csv(String text) throws IOException {
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
      return parser.stream().map(CSVRecord::values).toList();
    }
  }

  static Item item(String text, int label, String language) {
    // the anonymised "@USER" of a reply has no counterpart in an article's sentences
    String cleaned = PLACEHOLDERS.matcher(text).replaceAll(" ").strip();
    Analysis analysis = new Analysis(cleaned.isEmpty() ? text : cleaned, language);
    List<double[]> sentences = new ArrayList<>();
    List<Set<String>> stems = new ArrayList<>();
    double judged = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < analysis.sentences.size(); i++) {
      List<Reason> reasons = CheckWorthiness.reasons(analysis, i);
      double[] x = Features.of(analysis, i, reasons);
      x[Features.WORD_WEIGHTS] = 0; // the word weights of the fitting data, not the shipped ones
      sentences.add(x);
      stems.add(WordWeights.stems(analysis.tokens(i)));
      judged = Math.max(judged, reasons.stream().mapToDouble(r -> JUDGED.get(r.signal())).sum());
    }
    return new Item(text, label, sentences, stems, sentences.isEmpty() ? 0 : judged);
  }

  static double[] prior() {
    double[] prior = new double[Features.NAMES.size()];
    for (Signal signal : Signal.values()) {
      prior[signal.ordinal()] = JUDGED.get(signal);
    }
    return prior;
  }

  /** Stratified: positives and negatives shuffled apart (fixed seed) and dealt out in turn. */
  static int[] folds(List<Item> items, long seed) {
    int[] fold = new int[items.size()];
    Random random = new Random(seed);
    for (int label = 0; label <= 1; label++) {
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).label() == label) {
          indices.add(i);
        }
      }
      Collections.shuffle(indices, random);
      for (int k = 0; k < indices.size(); k++) {
        fold[indices.get(k)] = k % FOLDS;
      }
    }
    return fold;
  }

  private static double crossValidate(
      List<Item> items, int[] fold, double lambda, boolean withWords) {
    double[] scores = new double[items.size()];
    for (int f = 0; f < FOLDS; f++) {
      List<Item> train = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        if (fold[i] != f) {
          train.add(items.get(i));
        }
      }
      Model m = train(train, lambda, withWords, SEED + 1 + f);
      for (int i = 0; i < items.size(); i++) {
        if (fold[i] == f) {
          scores[i] = m.score(items.get(i));
        }
      }
    }
    return auc(items, scores);
  }

  /**
   * Fits on {@code train} only. The word weights a comment gets while the weights are fitted are
   * learned from the other inner folds (never from itself, which would make them look better than
   * they are on new text); the model then scores with word weights learned on all of {@code train}.
   */
  static Model train(List<Item> train, double lambda, boolean withWords, long seed) {
    WordWeights none = new WordWeights(Map.of());
    double[][] x = new double[train.size()][];
    int[] inner = folds(train, seed);
    for (int g = 0; g < FOLDS; g++) {
      List<Item> others = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        if (inner[i] != g) {
          others.add(train.get(i));
        }
      }
      WordWeights words = withWords ? new WordWeights(learnWordMap(others)) : none;
      for (int i = 0; i < train.size(); i++) {
        if (inner[i] == g) {
          x[i] = train.get(i).summed(words);
        }
      }
    }
    double[] y = train.stream().mapToDouble(Item::label).toArray();
    Weights weights = fit(x, y, prior(), lambda);
    return new Model(weights, withWords ? new WordWeights(learnWordMap(train)) : none);
  }

  /**
   * Each stem's weight: log of (share of fact-claiming comments with it) / (share of the others
   * with it), Laplace-smoothed; stems in fewer than {@link #WORD_MIN_COMMENTS} comments left out.
   */
  static Map<String, Double> learnWordMap(List<Item> items) {
    Map<String, int[]> counts = new HashMap<>();
    int[] totals = new int[2];
    for (Item item : items) {
      totals[item.label()]++;
      for (String stem : item.allStems()) {
        counts.computeIfAbsent(stem, k -> new int[2])[item.label()]++;
      }
    }
    Map<String, Double> weights = new HashMap<>();
    double a = WORD_SMOOTHING;
    counts.forEach(
        (stem, c) -> {
          if (c[0] + c[1] >= WORD_MIN_COMMENTS) {
            weights.put(
                stem,
                Math.log((c[1] + a) / (totals[1] + 2 * a))
                    - Math.log((c[0] + a) / (totals[0] + 2 * a)));
          }
        });
    return weights;
  }

  /** The shipped word weights, most fact-claiming first; the header names the command. */
  static String wordsFile(Map<String, Double> weights, int comments) {
    StringBuilder file = new StringBuilder();
    file.append("# Check-worthiness word weights (German stems: the first ")
        .append(WordWeights.STEM_LENGTH)
        .append(" letters of the lower-cased word), fitted by\n")
        .append("# CheckWorthinessFit. Do not edit: run\n#   ")
        .append(COMMAND)
        .append('\n')
        .append("# Data: ")
        .append(DATA)
        .append(" (")
        .append(comments)
        .append(" comments, label Sub3_FactClaiming).\n")
        .append(
            String.format(
                Locale.ROOT,
                "# Weight: log(share of fact-claiming comments with the stem / share of the others),"
                    + " smoothing %.1f;%n# stems in fewer than %d comments left out. A sentence's"
                    + " feature word_weights is the sum over its distinct stems.%n",
                WORD_SMOOTHING,
                WORD_MIN_COMMENTS));
    weights.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e ->
                file.append(e.getKey())
                    .append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", e.getValue()))
                    .append('\n'));
    return file.toString();
  }

  /**
   * Logistic regression by Newton's method: minimises the log-loss plus {@code lambda/2 * |w -
   * prior|²} (the intercept is not penalised). Deterministic; converges in a few steps.
   */
  static Weights fit(double[][] features, double[] y, double[] prior, double lambda) {
    double[] w = LogisticRegression.fit(features, y, prior, lambda, null);
    return new Weights(w[0], Arrays.copyOfRange(w, 1, w.length));
  }

  /** ROC-AUC: the chance that a positive scores above a negative, ties counting half. */
  static double auc(List<Item> items, double[] scores) {
    if (Arrays.stream(scores).anyMatch(Double::isNaN)) {
      throw new IllegalStateException("a score is NaN");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSum = 0;
    long positives = 0;
    for (int i = 0; i < order.length; ) {
      int j = i;
      while (j < order.length && Double.compare(scores[order[j]], scores[order[i]]) == 0) {
        j++;
      }
      double rank = (i + 1 + j) / 2.0;
      for (int k = i; k < j; k++) {
        if (items.get(order[k]).label() == 1) {
          rankSum += rank;
          positives++;
        }
      }
      i = j;
    }
    long negatives = scores.length - positives;
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
  }
}
