package org.claimdesk.claim.match;

import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.claimdesk.article.text.Sentences;
import org.claimdesk.claim.suggest.PartsOfSpeech;

/**
 * What one statement says, in a form two statements can be compared in without any index: its
 * concepts (lemmas, German compounds split into their parts, synonyms and broader terms from the
 * {@link Vocabulary}) with a weight each, its numbers and dates, its names and whether it is
 * negated. Depends on nothing but the text and its language, so a pair scores the same whatever
 * else was imported.
 */
public final class Reading {
  /** Longer texts are not one statement; past this, the rest is not read. */
  static final int MAX_WORDS = 120;

  // "79 000": digit groups apart by a (thin, no-break) space are one number
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\p{N}{1,3}(?:[ \u00A0\u202F]\\p{N}{3})+(?![.,]?\\p{N})|\\p{N}+(?:[.,]\\p{N}+)*|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’-]*|%|\\S");

  private static final Pattern DIGITS = Pattern.compile("\\p{N}+(?:[.,  \u00A0\u202F]\\p{N}+)*");

  /** How much a word of each part of speech says about which claim it is. */
  private static final Map<String, Double> WEIGHTS =
      Map.of("PROPN", 1.5, "NOUN", 1.0, "VERB", 0.7, "ADJ", 0.5, "ADV", 0.2, "X", 0.5);

  private static final Set<String> FUNCTION_TAGS =
      Set.of("DET", "PRON", "ADP", "AUX", "CCONJ", "SCONJ", "PART");

  /** The weight of a word the tagger took for a function word although no stop list has it. */
  static final double GUESSED = 0.7;

  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  /** A part of a split compound weighs less than a word of its own. */
  static final double PART = 0.6;

  /** Words listed as light still count a little. */
  static final double LIGHT = 0.2;

  /**
   * One dictionary (about 6 MB) for all threads, loaded at the first split rather than when the
   * search index asks for {@link #version} at start-up; a split takes microseconds, so callers
   * queue.
   */
  private static final class Splitter {
    static final GermanWordSplitter INSTANCE = splitter();
  }

  final String language;
  final Map<String, Double> concepts = new HashMap<>();
  final Set<String> names = new HashSet<>();
  final Set<Double> numbers = new HashSet<>();
  final Set<String> dates = new HashSet<>();
  final Set<Integer> weekdays = new HashSet<>();

  /** The sides of listed opposites the statement takes, by pair ("steig<>sink" → "+"). */
  final Map<String, String> poles = new HashMap<>();

  boolean negated;

  private Reading(String language) {
    this.language = language;
  }

  /**
   * Tagging and lemmas cost about 0.4 ms a word, and the same claims and sentences are compared
   * again and again: the last readings are kept (a reading is immutable once made).
   */
  private static final int CACHED = 5_000;

  private static final Map<String, Reading> CACHE =
      Collections.synchronizedMap(
          new LinkedHashMap<>(CACHED, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
              return size() > CACHED;
            }
          });

  /** {@code language} "de" or "en"; anything else picks the closer of the two. */
  public static Reading of(String text, String language) {
    String lang = Sentences.modelLanguage(language, text);
    String key = lang + ':' + text;
    Reading cached = CACHE.get(key);
    if (cached == null) {
      cached = read(text, lang);
      CACHE.put(key, cached);
    }
    return cached;
  }

  private static Reading read(String text, String lang) {
    Reading reading = new Reading(lang);
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find() && words.size() < MAX_WORDS) {
      words.add(m.group());
    }
    if (!words.isEmpty()) {
      reading.read(words.toArray(String[]::new));
    }
    return reading;
  }

  /**
   * The readings of one claim's parts (its statement and quotes) as one: each concept at its
   * strongest, the names, numbers, dates and sides of all. What reading the parts one after the
   * other gives, without the tagger's guesses across their seams.
   */
  public static Reading together(List<Reading> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Reading whole = new Reading(parts.get(0).language);
    for (Reading part : parts) {
      part.concepts.forEach((concept, weight) -> whole.concepts.merge(concept, weight, Math::max));
      whole.names.addAll(part.names);
      whole.numbers.addAll(part.numbers);
      whole.dates.addAll(part.dates);
      whole.weekdays.addAll(part.weekdays);
      whole.poles.putAll(part.poles);
      whole.negated |= part.negated;
    }
    return whole;
  }

  /**
   * Raise with any change to the code or models that reads a text otherwise, or to {@link #bytes}:
   * stored readings of another {@link #version} are made again. (2: strings by length, not
   * writeUTF.)
   */
  static final int CODE = 2;

  /**
   * What {@link #of} makes of texts: {@link #CODE} and the vocabularies' own fingerprint, so an
   * edited vocabulary renews stored readings without anybody remembering to.
   */
  public static String version() {
    return CODE + "-" + Vocabulary.fingerprint();
  }

  /** This reading as {@link #fromBytes} reads it back, the same for the same reading. */
  public byte[] bytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeString(out, language);
      Map<String, Double> sorted = new TreeMap<>(concepts);
      out.writeInt(sorted.size());
      for (Map.Entry<String, Double> concept : sorted.entrySet()) {
        writeString(out, concept.getKey());
        out.writeDouble(concept.getValue());
      }
      writeStrings(out, names);
      out.writeInt(numbers.size());
      for (double number : new TreeSet<>(numbers)) {
        out.writeDouble(number);
      }
      writeStrings(out, dates);
      out.writeInt(weekdays.size());
      for (int weekday : new TreeSet<>(weekdays)) {
        out.writeInt(weekday);
      }
      Map<String, String> sortedPoles = new TreeMap<>(poles);
      out.writeInt(sortedPoles.size());
      for (Map.Entry<String, String> pole : sortedPoles.entrySet()) {
        writeString(out, pole.getKey());
        writeString(out, pole.getValue());
      }
      out.writeBoolean(negated);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown: the bytes stay in memory
    }
    return bytes.toByteArray();
  }

  /** The reading {@link #bytes} wrote, without reading the text again. */
  public static Reading fromBytes(byte[] bytes, int offset, int length) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      Reading reading = new Reading(readString(in));
      for (int n = in.readInt(); n > 0; n--) {
        reading.concepts.put(readString(in), in.readDouble());
      }
      readStrings(in, reading.names);
      for (int n = in.readInt(); n > 0; n--) {
        reading.numbers.add(in.readDouble());
      }
      readStrings(in, reading.dates);
      for (int n = in.readInt(); n > 0; n--) {
        reading.weekdays.add(in.readInt());
      }
      for (int n = in.readInt(); n > 0; n--) {
        reading.poles.put(readString(in), readString(in));
      }
      reading.negated = in.readBoolean();
      return reading;
    } catch (IOException e) {
      throw new UncheckedIOException("a stored reading is damaged", e);
    }
  }

  private static void writeStrings(DataOutputStream out, Set<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : new TreeSet<>(strings)) {
      writeString(out, s);
    }
  }

  private static void readStrings(DataInputStream in, Set<String> strings) throws IOException {
    for (int n = in.readInt(); n > 0; n--) {
      strings.add(readString(in));
    }
  }

  // not writeUTF, which refuses a string of more than 64 KB: garbled text has words that long
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }

  /** The concepts' keys: what the fit counts to learn how common each is. */
  Set<String> conceptKeys() {
    return Collections.unmodifiableSet(concepts.keySet());
  }

  private void read(String[] words) {
    Vocabulary vocabulary = Vocabulary.of(language);
    String[] tags = PartsOfSpeech.tags(words, language);
    String[] lemmas = PartsOfSpeech.lemmas(words, tags, language);
    String[] keys = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      // the lemmatizer lower-cases and sometimes misspells names ("rußland"): names keep their form
      String base = tags[i].equals("PROPN") || lemmas[i].equals("O") ? words[i] : lemmas[i];
      keys[i] = vocabulary.key(base);
    }
    for (int i = 0; i < words.length; i++) {
      int phrase = phraseAt(vocabulary, keys, i);
      if (phrase > 1) {
        String key = vocabulary.phraseKey(List.of(keys).subList(i, i + phrase));
        add(vocabulary.concepts(key), 1.0, true);
        i += phrase - 1;
        continue;
      }
      String tag = tags[i];
      String key = keys[i];
      if (vocabulary.isNegation(key)) {
        negated = true;
        continue;
      }
      // a number word is a number unless it is an article ("ein Vertrag")
      boolean article = tag.equals("DET") || tag.equals("PRON");
      if (DIGITS.matcher(words[i]).matches() || !article && vocabulary.number(key) != null) {
        i = number(vocabulary, words, keys, i);
        continue;
      }
      String pole = vocabulary.pole(key);
      if (pole != null) {
        int side = pole.lastIndexOf(':');
        poles.put(pole.substring(0, side), pole.substring(side + 1));
      }
      Integer weekday = vocabulary.weekday(key);
      if (weekday != null) {
        weekdays.add(weekday);
        continue;
      }
      Integer month = vocabulary.month(key);
      if (month != null) {
        dates.add(month.toString()); // a day before it was read with number()
        continue;
      }
      if (!LETTER.matcher(words[i]).find()) {
        continue;
      }
      Double weight = WEIGHTS.get(tag);
      if (weight == null && FUNCTION_TAGS.contains(tag) && !isStopWord(words[i])) {
        // the tagger guesses a function tag for a rare word ("destabilisieren"/DET), but function
        // words are a closed class: a word no stop list knows is content
        weight = GUESSED;
      }
      if (weight == null) {
        continue;
      }
      if (vocabulary.isLight(key)) {
        weight *= LIGHT;
      }
      boolean name = tag.equals("PROPN") && !vocabulary.isLight(key);
      if (name && !vocabulary.knows(key)) {
        key = Transliteration.key(key); // Schoigu and Shoigu are one name
      }
      if (name || vocabulary.knows(key) || !language.equals("de") || !tag.equals("NOUN")) {
        add(vocabulary.concepts(key), weight, name);
        continue;
      }
      List<String> parts = parts(words[i]);
      if (parts.size() < 2) {
        add(vocabulary.concepts(key), weight, false);
        continue;
      }
      for (String part : parts) {
        add(vocabulary.concepts(vocabulary.key(part)), weight * PART, false);
      }
    }
  }

  private boolean isStopWord(String word) {
    CharArraySet stops =
        language.equals("en")
            ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
            : GermanAnalyzer.getDefaultStopSet();
    String lower = word.toLowerCase(Locale.ROOT);
    // the stop list spells "daß"
    return stops.contains(lower) || stops.contains(lower.replace("ss", "ß"));
  }

  /** The length of the longest listed phrase (up to three words) starting at i, or 1. */
  private static int phraseAt(Vocabulary vocabulary, String[] keys, int i) {
    for (int n = Math.min(3, keys.length - i); n > 1; n--) {
      if (vocabulary.isPhrase(vocabulary.phraseKey(List.of(keys).subList(i, i + n)))) {
        return n;
      }
    }
    return 1;
  }

  private void add(Map<String, Double> found, double weight, boolean name) {
    for (Map.Entry<String, Double> concept : found.entrySet()) {
      concepts.merge(concept.getKey(), weight * concept.getValue(), Math::max);
      if (name && concept.getValue() == 1.0) {
        names.add(concept.getKey());
      }
    }
  }

  /**
   * A number at i with what belongs to it: "10.000", "2,5 Millionen", "zehntausend", a year, a day
   * before a month ("19. Juni") or a month before a year ("Juni 2024"). Returns the last index
   * used.
   */
  private int number(Vocabulary vocabulary, String[] words, String[] keys, int i) {
    Double value =
        DIGITS.matcher(words[i]).matches() ? parse(words[i]) : vocabulary.number(keys[i]);
    if (value == null) {
      return i;
    }
    int last = i;
    int next = i + 1;
    if (next < words.length && words[next].equals(".")) {
      next++; // German ordinal: "19. Juni"
    }
    if (next < words.length && vocabulary.month(keys[next]) != null) {
      int month = vocabulary.month(keys[next]);
      dates.add(month + "-" + value.intValue());
      dates.add(Integer.toString(month)); // "19. Juni" agrees with "im Juni"
      return next;
    }
    if (i + 1 < words.length) {
      Double multiplier = vocabulary.number(keys[i + 1]);
      if (multiplier != null && multiplier >= 1000) {
        value *= multiplier;
        last = i + 1;
      }
    }
    boolean year = last == i && words[i].matches("(19|20)\\d\\d") && value >= 1900 && value <= 2100;
    if (year) {
      dates.add(words[i]);
    } else {
      numbers.add(value);
    }
    return last;
  }

  /** "10.000" and "2,5" in German, "10,000" and "2.5" in English. */
  private Double parse(String digits) {
    String thousands = language.equals("en") ? "," : ".";
    String decimal = language.equals("en") ? "." : ",";
    String plain = digits.replaceAll("[ \u00A0\u202F]", "");
    if (plain.matches("\\d{1,3}(" + Pattern.quote(thousands) + "\\d{3})+")) {
      plain = plain.replace(thousands, "");
    }
    plain = plain.replace(thousands, "").replace(decimal, ".");
    try {
      return Double.valueOf(plain);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> parts(String word) {
    try {
      synchronized (Splitter.INSTANCE) {
        return Splitter.INSTANCE.splitWord(word);
      }
    } catch (RuntimeException e) {
      return List.of(word); // jwordsplitter refuses words over its length limit
    }
  }

  private static GermanWordSplitter splitter() {
    try {
      // true: interfix letters go ("Verteidigungs|abkommen" → "Verteidigung", "abkommen")
      return new GermanWordSplitter(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
