package org.claimdesk.claim.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How likely two statements make the same checkable claim: a small logistic regression over what
 * they share (weighted concept overlap) and where they disagree (numbers, dates, names, negation).
 * Its weights and the cut are fitted on a labelled set of German claim pairs by {@code
 * SameClaimFit} and shipped in {@code same-claim-weights.properties}. The score depends only on the
 * two texts: never on what else is indexed.
 */
public final class SameClaim {
  static final String FILE = "same-claim-weights.properties";

  /** The features, in the order of the weights file. */
  public static final List<String> FEATURES =
      List.of(
          "dice",
          "dice_names",
          "dice_content",
          "containment",
          "numbers_agree_x_dice",
          "numbers_unmatched",
          "dates_agree_x_dice",
          "dates_differ",
          "names_missing",
          "negation_differs",
          "opposites",
          "dice_if_consistent",
          "containment_if_consistent",
          "little_shared",
          "little_content");

  /**
   * The sign each weight must have: what two statements share can only make them likelier the same
   * claim (+1), what sets them apart only less likely (−1). The fit keeps to it, so the score is
   * monotone and no quirk of the labelled set can reward having less in common.
   */
  static final int[] SIGNS = {1, 1, 1, 1, 1, -1, 1, -1, -1, -1, -1, 1, 1, -1, -1};

  private static final SameClaim SHIPPED = load();

  private final double intercept;
  private final double[] weights;

  /**
   * At or above this probability a statement is listed as maybe the same claim (calibrated for F1:
   * the capture dialog's list, where a checker looks through a few).
   */
  public final double cut;

  /**
   * At or above this probability a sentence is flagged as already a claim (calibrated for F0.5: a
   * flag nobody asked for must be right more often than not).
   */
  public final double flagCut;

  /** Below this weighted Dice two statements share only incidental words (chosen by the fit). */
  final double floor;

  SameClaim(double intercept, double[] weights, double cut, double flagCut, double floor) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("one weight per feature expected: " + weights.length);
    }
    this.intercept = intercept;
    this.weights = weights.clone();
    this.cut = cut;
    this.flagCut = flagCut;
    this.floor = floor;
  }

  double[] weights() {
    return weights.clone();
  }

  /** The fitted model. */
  public static SameClaim shipped() {
    return SHIPPED;
  }

  /** Probability in [0, 1] that a and b make the same claim; symmetric. */
  public double probability(Reading a, Reading b) {
    double[] x = features(a, b, Vocabulary.of(a.language)::rarity, floor);
    double z = intercept;
    for (int i = 0; i < x.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The features of a pair, in the order of {@link #FEATURES}; symmetric in a and b. Each concept
   * weighs its {@link Reading} weight times its {@code rarity} (1 for a rare word, less for one
   * every other text uses); the fit passes the rarities and the floor it is about to ship.
   */
  static double[] features(Reading a, Reading b, ToDoubleFunction<String> rarity, double floor) {
    Map<String, Double> ca = weighted(a, rarity);
    Map<String, Double> cb = weighted(b, rarity);
    double dice = dice(ca, cb, c -> true);
    double content = dice(ca, cb, c -> !a.names.contains(c) && !b.names.contains(c));
    double numbersDiffer = differ(a.numbers, b.numbers);
    // a weekday and a calendar date cannot be compared without the article's date
    double datesDiffer = Math.max(differ(a.dates, b.dates), differ(a.weekdays, b.weekdays));
    double negationDiffers = a.negated == b.negated ? 0 : 1;
    double opposites = opposites(a, b);
    boolean consistent =
        numbersDiffer == 0 && datesDiffer == 0 && negationDiffers == 0 && opposites == 0;
    return new double[] {
      dice,
      dice(ca, cb, c -> a.names.contains(c) || b.names.contains(c)),
      // what is said about them: two claims about the same person share the name, not this
      content,
      containment(ca, cb),
      // a shared number or date is evidence only where the words agree too
      agree(a.numbers, b.numbers) * dice,
      unmatched(a.numbers, b.numbers),
      agree(a.dates, b.dates) * dice,
      datesDiffer,
      missing(a, b),
      negationDiffers,
      opposites,
      consistent ? dice : 0,
      // a short claim inside a long sentence that says more: Dice is low, containment is not
      consistent ? containment(ca, cb) : 0,
      // most candidates share an incidental word or two: below the floor, sharing says nothing
      dice < floor ? 1 : 0,
      // the same names with little else in common: two claims about the same people
      content < floor ? 1 : 0
    };
  }

  private static Map<String, Double> weighted(Reading r, ToDoubleFunction<String> rarity) {
    Map<String, Double> weighted = new HashMap<>();
    r.concepts.forEach((c, w) -> weighted.put(c, w * rarity.applyAsDouble(c)));
    return weighted;
  }

  /** Weighted Dice over the concepts that pass {@code which}: 1 for the same, 0 for none shared. */
  private static double dice(
      Map<String, Double> a, Map<String, Double> b, Predicate<String> which) {
    double shared = 0;
    double mass = 0;
    for (Map.Entry<String, Double> c : a.entrySet()) {
      if (which.test(c.getKey())) {
        mass += c.getValue();
        Double other = b.get(c.getKey());
        shared += other == null ? 0 : Math.min(c.getValue(), other);
      }
    }
    for (Map.Entry<String, Double> c : b.entrySet()) {
      if (which.test(c.getKey())) {
        mass += c.getValue();
      }
    }
    return mass == 0 ? 0 : 2 * shared / mass;
  }

  /** How much of the shorter statement the longer one covers. */
  private static double containment(Map<String, Double> a, Map<String, Double> b) {
    double shared = 0;
    for (Map.Entry<String, Double> c : a.entrySet()) {
      Double other = b.get(c.getKey());
      shared += other == null ? 0 : Math.min(c.getValue(), other);
    }
    double smaller = Math.min(mass(a), mass(b));
    return smaller == 0 ? 0 : Math.min(1, shared / smaller);
  }

  private static double mass(Map<String, Double> concepts) {
    double sum = 0;
    for (double w : concepts.values()) {
      sum += w;
    }
    return sum;
  }

  private static <T> double agree(Set<T> a, Set<T> b) {
    for (T x : a) {
      if (b.contains(x)) {
        return 1;
      }
    }
    return 0;
  }

  /** 1 when both name numbers (or dates) and neither's are all in the other's. */
  private static <T> double differ(Set<T> a, Set<T> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return b.containsAll(a) || a.containsAll(b) ? 0 : 1;
  }

  /** The share of the items of either statement that the other does not have; 0 when none. */
  private static <T> double unmatched(Set<T> a, Set<T> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    Set<T> union = new HashSet<>(a);
    union.addAll(b);
    int shared = 0;
    for (T x : a) {
      shared += b.contains(x) ? 1 : 0;
    }
    return (double) (union.size() - shared) / union.size();
  }

  /** 1 when one statement takes one side of a listed opposite and the other the other side. */
  private static double opposites(Reading a, Reading b) {
    for (Map.Entry<String, String> pole : a.poles.entrySet()) {
      String other = b.poles.get(pole.getKey());
      if (other != null && !other.equals(pole.getValue())) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * The share of the names of the statement with fewer names that the other does not mention at all
   * (as a name or as a word: the tagger does not always see a name as one).
   */
  private static double missing(Reading a, Reading b) {
    Reading fewer = a.names.size() <= b.names.size() ? a : b;
    Reading more = fewer == a ? b : a;
    if (fewer.names.isEmpty()) {
      return 0;
    }
    long absent = fewer.names.stream().filter(n -> !more.concepts.containsKey(n)).count();
    return (double) absent / fewer.names.size();
  }

  private static SameClaim load() {
    try (InputStream in = SameClaim.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("claim matching weights missing: " + FILE);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      double[] w = new double[FEATURES.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = Double.parseDouble(p.getProperty(FEATURES.get(i)));
      }
      return new SameClaim(
          Double.parseDouble(p.getProperty("intercept")),
          w,
          Double.parseDouble(p.getProperty("cut")),
          Double.parseDouble(p.getProperty("flag_cut")),
          Double.parseDouble(p.getProperty("floor")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
