package org.claimdesk.search;

import java.util.HashMap;
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

  /** Routes {@code *_de}, {@code *_en} and everything else to its chain. */
  static Analyzer perField(String... prefixes) {
    Map<String, Analyzer> fields = new HashMap<>();
    Analyzer german = german();
    Analyzer english = english();
    for (String prefix : prefixes) {
      fields.put(prefix + "_" + DE, german);
      fields.put(prefix + "_" + EN, english);
    }
    return new PerFieldAnalyzerWrapper(other(), fields);
  }

  /** GermanAnalyzer's chain with the light stemmer: Waffenlieferungen and Waffenlieferung meet. */
  static Analyzer german() {
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
        return new TokenStreamComponents(source, new TransliterationFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new GermanNormalizationFilter(new LowerCaseFilter(in)));
      }
    };
  }

  static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LowerCaseFilter(s);
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        s = new ASCIIFoldingFilter(s);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, new TransliterationFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** No stemming or stop words for languages we have no chain for; names still fold. */
  static Analyzer other() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, new TransliterationFilter(s));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}
