package org.claimdesk.claim.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies part-of-speech tags and lemmas of German and English words, from OpenNLP's
 * UD models. The models are loaded once and shared (they are thread-safe); the taggers built on
 * them are not, so each call builds its own.
 */
public final class PartsOfSpeech {
  private static final Map<String, POSModel> TAGGERS = new ConcurrentHashMap<>();
  private static final Map<String, LemmatizerModel> LEMMATIZERS = new ConcurrentHashMap<>();

  private PartsOfSpeech() {}

  /** One UD tag per word; {@code language} is "de" or "en". */
  public static String[] tags(String[] words, String language) {
    POSModel model = TAGGERS.computeIfAbsent(language, PartsOfSpeech::loadTagger);
    boolean english = language.equals("en");
    return new POSTaggerME(model, POSTagFormat.UD).tag(english ? expandClitics(words) : words);
  }

  /** One lemma per word ("lieferte" → "liefern"), given the words' UD tags. */
  public static String[] lemmas(String[] words, String[] tags, String language) {
    LemmatizerModel model = LEMMATIZERS.computeIfAbsent(language, PartsOfSpeech::loadLemmatizer);
    return new LemmatizerME(model).lemmatize(words, tags);
  }

  /**
   * The tagger reads a split-off clitic ("'re", "n't") as punctuation: it is tagged as the word it
   * stands for, so "We're in trouble" has its verb. "'s" is "is" only after a pronoun ("That's",
   * "He's"); after a name it is the possessive.
   */
  private static String[] expandClitics(String[] words) {
    String[] expanded = words.clone();
    for (int i = 1; i < words.length; i++) {
      String clitic = words[i].toLowerCase(Locale.ROOT).replace('’', '\'');
      String before = words[i - 1].toLowerCase(Locale.ROOT);
      expanded[i] =
          switch (clitic) {
            case "'re" -> "are";
            case "'m" -> "am";
            case "'ve" -> "have";
            case "'ll" -> "will";
            case "'d" -> "would";
            case "n't" -> "not";
            case "'s" -> S_IS_AFTER.contains(before) ? "is" : words[i];
            default -> words[i];
          };
    }
    return expanded;
  }

  private static final Set<String> S_IS_AFTER =
      Set.of("he", "she", "it", "that", "this", "there", "here", "what", "who", "where", "how");

  private static POSModel loadTagger(String language) {
    try (InputStream in = model(language, "pos")) {
      return new POSModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LemmatizerModel loadLemmatizer(String language) {
    try (InputStream in = model(language, "lemmas")) {
      return new LemmatizerModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream model(String language, String kind) {
    String corpus = language.equals("en") ? "en-ud-ewt" : "de-ud-gsd";
    String resource = "/opennlp-" + corpus + "-" + kind + "-1.3-2.5.4.bin";
    InputStream in = PartsOfSpeech.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("OpenNLP model missing on the classpath: " + resource);
    }
    return in;
  }
}
