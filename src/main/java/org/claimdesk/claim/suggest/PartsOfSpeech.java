package org.claimdesk.claim.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Universal Dependencies part-of-speech tags and lemmas of German and English words, from OpenNLP's
 * UD models. The models are loaded once and shared (they are thread-safe); the taggers built on
 * them are not, and building one takes milliseconds, so idle taggers wait in a pool.
 *
 * <p>The statistical lemmatizer weighs hundreds of edit scripts per word (about 0.3 ms a word),
 * while a word with its tag nearly always has the same lemma: lemmas are remembered per word and
 * tag, and a sentence is lemmatized in full, in context, whenever one of its words is new.
 */
public final class PartsOfSpeech {
  private static final Map<String, POSModel> TAGGERS = new ConcurrentHashMap<>();
  private static final Map<String, LemmatizerModel> LEMMATIZERS = new ConcurrentHashMap<>();
  private static final Map<String, Queue<POSTaggerME>> IDLE_TAGGERS = new ConcurrentHashMap<>();

  /** About 10 MB; a newsroom's vocabulary of word forms stays well below this. */
  static final int REMEMBERED_LEMMAS = 200_000;

  private static final Map<String, String> LEMMAS = new ConcurrentHashMap<>();

  private PartsOfSpeech() {}

  /** One UD tag per word; {@code language} is "de" or "en". */
  public static String[] tags(String[] words, String language) {
    Queue<POSTaggerME> idle =
        IDLE_TAGGERS.computeIfAbsent(language, l -> new ConcurrentLinkedQueue<>());
    POSTaggerME tagger = idle.poll();
    if (tagger == null) {
      POSModel model = TAGGERS.computeIfAbsent(language, PartsOfSpeech::loadTagger);
      tagger = new POSTaggerME(model, POSTagFormat.UD);
    }
    try {
      return tagger.tag(language.equals("en") ? expandClitics(words) : words);
    } finally {
      idle.offer(tagger);
    }
  }

  /** One lemma per word ("lieferte" → "liefern"), given the words' UD tags. */
  public static String[] lemmas(String[] words, String[] tags, String language) {
    String[] lemmas = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      lemmas[i] = LEMMAS.get(lemmaKey(language, words[i], tags[i]));
      if (lemmas[i] == null) {
        return lemmatized(words, tags, language);
      }
    }
    return lemmas;
  }

  /** Lemmas as the lemmatizer gives them for this sentence, remembering each. */
  static String[] lemmatized(String[] words, String[] tags, String language) {
    LemmatizerModel model = LEMMATIZERS.computeIfAbsent(language, PartsOfSpeech::loadLemmatizer);
    String[] lemmas = new LemmatizerME(model).lemmatize(words, tags);
    if (LEMMAS.size() > REMEMBERED_LEMMAS) {
      LEMMAS.clear(); // bounded: start again rather than grow with every new word form
    }
    for (int i = 0; i < words.length; i++) {
      LEMMAS.putIfAbsent(lemmaKey(language, words[i], tags[i]), lemmas[i]);
    }
    return lemmas;
  }

  private static String lemmaKey(String language, String word, String tag) {
    return language + ' ' + tag + ' ' + word;
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
