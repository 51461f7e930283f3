package org.claimdesk.article.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** Which language a text is written in, by OpenNLP's language detector (103 languages). */
public final class Languages {

  /** Below this many letters the model guesses; a guess is worse than no answer. */
  static final int MIN_LETTERS = 40;

  /** The model's confidence is spread over 103 languages, so a clear winner is well below 1. */
  static final double MIN_CONFIDENCE = 0.2;

  /** A clear winner beats the runner-up by this factor. */
  static final double MIN_LEAD = 1.5;

  /** The detector reads n-grams; more than this adds time, not certainty. */
  private static final int MAX_CHARS = 5_000;

  private static final Map<String, String> ISO_639_1_BY_639_3 = twoLetterCodes();

  private Languages() {}

  /**
   * The ISO 639-1 code ({@code de}, {@code en}, …; the 639-3 code where no 639-1 code exists), or
   * empty when the text is too short or the detector is not sure.
   */
  public static Optional<String> detect(String text) {
    if (text == null || letters(text) < MIN_LETTERS) {
      return Optional.empty();
    }
    CharSequence sample = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    // the model is immutable and shared; the detector holds no state worth sharing
    Language[] ranked = new LanguageDetectorME(Model.INSTANCE).predictLanguages(sample);
    if (ranked.length == 0 || ranked[0].getConfidence() < MIN_CONFIDENCE) {
      return Optional.empty();
    }
    if (ranked.length > 1 && ranked[0].getConfidence() < MIN_LEAD * ranked[1].getConfidence()) {
      return Optional.empty();
    }
    String code = ranked[0].getLang();
    return Optional.of(ISO_639_1_BY_639_3.getOrDefault(code, code));
  }

  /**
   * Which of two or more languages (ISO 639-1 codes) the text reads most like, however short: the
   * first of them in the detector's ranking; the first given for a text without letters.
   */
  public static String closest(String text, String... candidates) {
    if (text == null || letters(text) == 0) {
      return candidates[0];
    }
    CharSequence sample = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    for (Language language : new LanguageDetectorME(Model.INSTANCE).predictLanguages(sample)) {
      String code = ISO_639_1_BY_639_3.getOrDefault(language.getLang(), language.getLang());
      for (String candidate : candidates) {
        if (candidate.equals(code)) {
          return candidate;
        }
      }
    }
    return candidates[0];
  }

  private static int letters(String text) {
    int count = 0;
    for (int i = 0; i < text.length() && count < MIN_LETTERS; i++) {
      if (Character.isLetter(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String twoLetters : Locale.getISOLanguages()) {
      codes.putIfAbsent(new Locale(twoLetters).getISO3Language(), twoLetters);
    }
    // the model names macrolanguage members where Java knows the macrolanguage
    codes.put("cmn", "zh");
    codes.put("pes", "fa");
    codes.put("zlm", "ms");
    codes.put("lvs", "lv");
    codes.put("ekk", "et");
    return Map.copyOf(codes);
  }

  /** Loaded on first use (about 10 MB), then shared by all threads. */
  private static final class Model {
    static final LanguageDetectorModel INSTANCE = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = Languages.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) {
          throw new IllegalStateException("langdetect-183.bin is missing from the classpath");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
