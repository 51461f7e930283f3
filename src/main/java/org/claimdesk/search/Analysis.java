package org.claimdesk.search;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text fields are per language ({@code body_de}, {@code body_en}, {@code body_xx}), each with its
 * own chain; a query is analysed once per language and asked of that language's fields only, so a
 * German stop word never becomes a required English term.
 */
final class Analysis {

  /** Field-name suffixes; {@code xx} is every other language and the claimants' names. */
  static final String DE = "de";

  static final String EN = "en";
  static final String OTHER = "xx";
  static final String[] LANGUAGES = {DE, EN, OTHER};

  private Analysis() {}

  /** The field suffix for an ISO 639-1 code such as "de" or "de-AT". */
  static String suffix(String language) {
    String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (code.startsWith(DE)) {
      return DE;
    }
    return code.startsWith(EN) ? EN : OTHER;
  }

  /**
   * Routes {@code *_de}, {@code *_en} and everything else to its chain. The {@code searched} fields
   * keep each word beside its spelling key ({@link TransliterationFilter#beside}), the {@code
   * keyed} fields hold the keys alone ({@link TransliterationFilter#instead}).
   */
  static Analyzer perField(List<String> searched, List<String> keyed) {
    Map<String, Analyzer> fields = new HashMap<>();
    route(
        fields,
        searched,
        german(Spelling.BESIDE),
        english(Spelling.BESIDE),
        other(Spelling.BESIDE));
    route(fields, keyed, german(Spelling.KEYS), english(Spelling.KEYS), other(Spelling.KEYS));
    return new PerFieldAnalyzerWrapper(other(Spelling.BESIDE), fields);
  }

  private static void route(
      Map<String, Analyzer> fields,
      List<String> prefixes,
      Analyzer german,
      Analyzer english,
      Analyzer other) {
    for (String prefix : prefixes) {
      fields.put(prefix + "_" + DE, german);
      fields.put(prefix + "_" + EN, english);
      fields.put(prefix + "_" + OTHER, other);
    }
  }

  /** Whether a chain keeps each word beside its spelling key or puts the key in its place. */
  enum Spelling {
    BESIDE {
      @Override
      TokenStream apply(TokenStream s) {
        return TransliterationFilter.beside(s);
      }
    },
    KEYS {
      @Override
      TokenStream apply(TokenStream s) {
        return TransliterationFilter.instead(s);
      }
    };

    abstract TokenStream apply(TokenStream s);
  }

  /** GermanAnalyzer's chain with the light stemmer: Waffenlieferungen and Waffenlieferung meet. */
  static Analyzer german(Spelling spelling) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new StopFilter(s, GermanAnalyzer.getDefaultStopSet());
        // ä→a, ö/oe→o, ß→ss: Pjöngjang and Pjoengjang become one word
        s = new GermanNormalizationFilter(s);
        s = new GermanLightStemFilter(s);
        s = new ASCIIFoldingFilter(s);
        return new TokenStreamComponents(source, spelling.apply(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new GermanNormalizationFilter(new LowerCaseFilter(in)));
      }
    };
  }

  static Analyzer english(Spelling spelling) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LowerCaseFilter(s);
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        s = new ASCIIFoldingFilter(s);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, spelling.apply(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** No stemming or stop words for languages we have no chain for; names still fold. */
  static Analyzer other(Spelling spelling) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, spelling.apply(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}
