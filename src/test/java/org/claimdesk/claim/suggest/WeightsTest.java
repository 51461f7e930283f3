package org.claimdesk.claim.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightsTest {
  static String shippedFile() throws IOException {
    return file(Weights.FILE);
  }

  static String file(String name) throws IOException {
    try (InputStream in = Weights.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Properties properties(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  @Test
  void shippedFileHasOneFiniteWeightPerFeatureAndAnIntercept() throws IOException {
    Properties p = properties(shippedFile());
    Set<String> expected = new HashSet<>(Features.NAMES);
    expected.add(Weights.INTERCEPT);
    assertEquals(expected, p.stringPropertyNames());
    for (String name : p.stringPropertyNames()) {
      assertTrue(Double.isFinite(Double.parseDouble(p.getProperty(name))), name);
    }
    Weights shipped = Weights.load(Weights.FILE);
    for (Signal signal : Signal.values()) {
      assertEquals(
          Double.parseDouble(p.getProperty(Features.signal(signal))), signal.weight(), 1e-12);
    }
    assertEquals(Double.parseDouble(p.getProperty(Weights.INTERCEPT)), shipped.intercept, 1e-12);
  }

  @Test
  void shippedFilesNameTheCommandAndTheDataThatProducedThem() throws IOException {
    for (String name : List.of(Weights.FILE, Weights.WITHOUT_WORDS_FILE)) {
      String text = file(name);
      assertTrue(text.contains(CheckWorthinessFit.COMMAND), text);
      assertTrue(text.contains(CheckWorthinessFit.DATA), text);
      assertTrue(text.contains("CV ROC-AUC"), text);
      assertEquals(Features.NAMES.size() + 1, properties(text).size(), name);
    }
  }

  @Test
  void aLanguageWithoutWordWeightsIsScoredByTheModelFittedWithoutThem() {
    assertTrue(WordWeights.of("de").size() > 0);
    assertEquals(0, WordWeights.of("en").size());
    assertTrue(Weights.of("de") == Weights.SHIPPED);
    assertTrue(Weights.of("en") == Weights.WITHOUT_WORDS);
  }

  @Test
  void aFileWithAMissingOrUnknownFeatureIsRefused() throws IOException {
    Properties missing = properties(shippedFile());
    missing.remove(Features.signal(Signal.HEADLINE));
    assertThrows(IllegalStateException.class, () -> Weights.of(missing));
    Properties unknown = properties(shippedFile());
    unknown.setProperty("signal.SARCASM", "1.0");
    assertThrows(IllegalStateException.class, () -> Weights.of(unknown));
  }

  @Test
  void aSentencesScoreIsTheInterceptPlusItsWeightedFeatures() {
    String text = "Kirby sagte am Mittwoch, zwei Raketen seien abgefeuert worden. Ist das besorgt?";
    Analysis analysis = new Analysis(text, "de");
    List<Suggestion> ranked = CheckWorthiness.rank(text, "de");
    Weights shipped = Weights.load(Weights.FILE);
    double[] w = shipped.weights();
    for (int i = 0; i < analysis.sentences.size(); i++) {
      double[] x = Features.of(analysis, i, CheckWorthiness.reasons(analysis, i));
      double expected = shipped.intercept;
      for (int j = 0; j < w.length; j++) {
        expected += w[j] * x[j];
      }
      int start = analysis.sentences.get(i).start();
      Suggestion s = ranked.stream().filter(r -> r.start() == start).findFirst().orElseThrow();
      assertEquals(expected, s.score(), 1e-9);
      for (Reason r : s.reasons()) {
        assertEquals(1.0, x[r.signal().ordinal()], r.toString());
      }
    }
  }

  @Test
  void shippedWordWeightsNameTheirCommandAndInflectionsShareAStem() throws IOException {
    try (InputStream in = WordWeights.class.getResourceAsStream(WordWeights.file("de"))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains(CheckWorthinessFit.COMMAND), text);
      assertTrue(text.contains(CheckWorthinessFit.DATA), text);
    }
    assertTrue(WordWeights.of("de").size() > 1000);
    assertEquals(0, WordWeights.of("en").size(), "no English word weights are shipped");
    Analysis analysis = new Analysis("Die Mieten steigen, die Miete stieg.", "de");
    assertEquals(
        Set.of("die", "mieten", "steige", "miete", "stieg"), WordWeights.stems(analysis.tokens(0)));
  }
}
