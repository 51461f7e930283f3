package org.claimdesk.claim.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.claimdesk.platform.Sha256;
import org.claimdesk.platform.WordLists;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.German2Stemmer;

/**
 * What claim matching knows of a language's news vocabulary, read from {@code
 * vocabulary_<lang>.txt} next to this class: words for the same thing, general terms and the
 * specific ones they cover, number and month words, words that say little, negations. Every word is
 * kept as its {@link #key}, so inflected forms meet the listed base form.
 */
final class Vocabulary {
  /** A specific term also counts as its general term, a little less than the term itself. */
  static final double BROADER = 0.8;

  private static final Map<String, Vocabulary> LOADED = new ConcurrentHashMap<>();
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // compiled once: key() runs for every word a similar-claims lookup reads
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern UNG = Pattern.compile("(?<=\\p{L}{4})ung(en)?$");

  final String language;
  private final Map<String, String> same = new HashMap<>();
  private final Map<String, List<String>> broader = new HashMap<>();
  private final Map<String, Double> numbers = new HashMap<>();
  private final Map<String, Integer> months = new HashMap<>();
  private final Map<String, Integer> weekdays = new HashMap<>();
  private final Map<String, String> opposites = new HashMap<>();
  private final Set<String> light = new HashSet<>();
  private final Set<String> negations = new HashSet<>();
  private final Set<String> phrases = new HashSet<>();
  private final Map<String, Double> rarities = new HashMap<>();

  private Vocabulary(String language) {
    this.language = language;
  }

  /** "de" or "en"; loaded once, then shared (read-only). */
  static Vocabulary of(String language) {
    return LOADED.computeIfAbsent(language.equals("en") ? "en" : "de", Vocabulary::load);
  }

  /**
   * The form words are compared in: lower case without accents or ß, nominalisations on "-ung"
   * reduced to their verb ("Lieferung" and "liefern" meet), then Snowball's stemmer.
   */
  String key(String word) {
    String decomposed =
        Normalizer.normalize(word.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD);
    String folded = MARKS.matcher(decomposed).replaceAll("");
    if (language.equals("de")) {
      folded = UNG.matcher(folded).replaceFirst("");
    }
    SnowballStemmer stemmer = language.equals("en") ? new EnglishStemmer() : new German2Stemmer();
    stemmer.setCurrent(folded);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  /** The key of a phrase of several words, as {@link #phrase} finds it. */
  String phraseKey(List<String> keys) {
    return String.join(" ", keys);
  }

  boolean isPhrase(String phraseKey) {
    return phrases.contains(phraseKey);
  }

  /** The concepts a word key stands for, with their weight factors: itself, then broader terms. */
  Map<String, Double> concepts(String key) {
    String canonical = same.getOrDefault(key, key);
    Map<String, Double> concepts = new HashMap<>();
    concepts.put(canonical, 1.0);
    for (String general : broader.getOrDefault(key, List.of())) {
      concepts.putIfAbsent(same.getOrDefault(general, general), BROADER);
    }
    return concepts;
  }

  boolean knows(String key) {
    return same.containsKey(key) || broader.containsKey(key);
  }

  Double number(String key) {
    return numbers.get(key);
  }

  Integer month(String key) {
    return months.get(key);
  }

  Integer weekday(String key) {
    return weekdays.get(key);
  }

  /**
   * For a word with a listed opposite, the pair it belongs to and its side ("steig<>sink:+" for
   * "stiegen", "steig<>sink:-" for "sanken"); null for other words.
   */
  String pole(String key) {
    return opposites.get(key);
  }

  /**
   * How rare a concept is in general language, from {@code concept-frequencies_<lang>.txt}: 1 for a
   * word no reference text used, down towards 0 for one nearly every text uses. Fixed data, so a
   * score never depends on what is indexed.
   */
  double rarity(String key) {
    return rarities.getOrDefault(key, 1.0);
  }

  /** log(1 + N / (1 + df)) / log(1 + N): an idf scaled to (0, 1]. */
  static double rarity(int documentFrequency, int documents) {
    return Math.log(1 + (double) documents / (1 + documentFrequency)) / Math.log(1 + documents);
  }

  boolean isLight(String key) {
    return light.contains(key);
  }

  boolean isNegation(String key) {
    return negations.contains(key);
  }

  private static Vocabulary load(String language) {
    Vocabulary v = new Vocabulary(language);
    WordLists.read(Vocabulary.class, "vocabulary_" + language + ".txt")
        .forEach((section, lines) -> lines.forEach(line -> v.read(section, line)));
    v.readFrequencies();
    return v;
  }

  /** The first 12 hex digits of the SHA-256 of both vocabularies' files. */
  static String fingerprint() {
    StringBuilder files = new StringBuilder();
    for (String language : List.of("de", "en")) {
      try (InputStream in =
          Vocabulary.class.getResourceAsStream("vocabulary_" + language + ".txt")) {
        files.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\0');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Sha256.hex(files.toString()).substring(0, 12);
  }

  static String frequenciesFile(String language) {
    return "concept-frequencies_" + language + ".txt";
  }

  /** "# documents=N" then "key TAB document frequency" lines; no file, no rarities. */
  private void readFrequencies() {
    try (InputStream in = Vocabulary.class.getResourceAsStream(frequenciesFile(language))) {
      if (in == null) {
        return;
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int documents = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("# documents=")) {
          documents = Integer.parseInt(line.substring("# documents=".length()).strip());
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] cells = line.split("\t");
          rarities.put(cells[0], rarity(Integer.parseInt(cells[1].strip()), documents));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(String section, String line) {
    switch (section) {
      case "SAME" -> {
        List<String> keys = new ArrayList<>();
        for (String word : line.split("=")) {
          keys.add(entry(word));
        }
        for (String key : keys) {
          same.put(key, keys.get(0));
        }
      }
      case "BROADER" -> {
        String[] sides = line.split(">");
        String general = entry(sides[0]);
        for (String specific : sides[1].split(",")) {
          broader.computeIfAbsent(entry(specific), k -> new ArrayList<>()).add(general);
        }
      }
      case "NUMBERS" -> {
        String[] sides = line.split("=");
        numbers.put(entry(sides[0]), Double.parseDouble(sides[1].strip()));
      }
      case "MONTHS" -> {
        String[] sides = line.split("=");
        months.put(entry(sides[0]), Integer.parseInt(sides[1].strip()));
      }
      case "WEEKDAYS" -> {
        String[] sides = line.split("=");
        weekdays.put(entry(sides[0]), Integer.parseInt(sides[1].strip()));
      }
      case "OPPOSITES" -> {
        String[] sides = line.split("<>");
        String one = entry(sides[0]);
        String other = entry(sides[1]);
        opposites.putIfAbsent(one, one + "<>" + other + ":+");
        opposites.putIfAbsent(other, one + "<>" + other + ":-");
      }
      case "LIGHT" -> light.add(entry(line));
      case "NEGATIONS" -> negations.add(entry(line));
      default -> throw new IllegalStateException("unknown vocabulary section: " + section);
    }
  }

  /** A listed word or phrase as its key; phrases are remembered so a reading can find them. */
  private String entry(String words) {
    List<String> keys = new ArrayList<>();
    for (String word : SPACES.split(words.strip())) {
      keys.add(key(word));
    }
    String key = phraseKey(keys);
    if (keys.size() > 1) {
      phrases.add(key);
    }
    return key;
  }
}
