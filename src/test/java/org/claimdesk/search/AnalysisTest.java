package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.claimdesk.claim.match.Transliteration;
import org.junit.jupiter.api.Test;

/** What the index sees of a word. */
class AnalysisTest {

  @Test
  void germanFoldsUmlautsCaseAndInflection() throws IOException {
    Analyzer german = Analysis.german(Analysis.Spelling.BESIDE);
    assertEquals(tokens(german, "Waffenlieferung"), tokens(german, "Waffenlieferungen"));
    assertEquals(tokens(german, "Pjöngjang"), tokens(german, "PJOENGJANG"));
    assertEquals(List.of(), tokens(german, "und die der"));
  }

  @Test
  void transliterationsShareAKey() {
    assertEquals(Transliteration.key("schoigu"), Transliteration.key("shoigu"));
    assertEquals(Transliteration.key("sergej"), Transliteration.key("sergei"));
    assertEquals(Transliteration.key("wladimir"), Transliteration.key("vladimir"));
    assertEquals(Transliteration.key("selenskyj"), Transliteration.key("selensky"));
    assertEquals("10000", Transliteration.key("10000"));
    assertNotEquals(Transliteration.key("kim"), Transliteration.key("kiew"));
  }

  @Test
  void keyStandsBesideTheWordNotInsteadOfIt() throws IOException {
    assertEquals(
        List.of("schoigu", "shoigu"), tokens(Analysis.german(Analysis.Spelling.BESIDE), "Schoigu"));
    assertEquals(List.of("shoigu"), tokens(Analysis.german(Analysis.Spelling.BESIDE), "Shoigu"));
  }

  @Test
  void whatSimilarComparesHoldsTheKeyInsteadOfTheWord() throws IOException {
    Analyzer routed = Analysis.perField(List.of("body"), List.of("said"));
    for (String field : List.of("said_de", "said_en", "said_xx")) {
      assertEquals(List.of("shoigu", "sergei"), tokens(routed, field, "Schoigu Sergej"), field);
      assertEquals(tokens(routed, field, "Shoigu Sergei"), tokens(routed, field, "Schoigu Sergej"));
    }
    assertEquals(List.of("schoigu", "shoigu"), tokens(routed, "body_de", "Schoigu"));
    assertEquals(List.of("schoigu", "shoigu"), tokens(routed, "body_xx", "Schoigu"));
  }

  @Test
  void englishStemsAndFolds() throws IOException {
    Analyzer english = Analysis.english(Analysis.Spelling.BESIDE);
    assertEquals(tokens(english, "weapon supply"), tokens(english, "weapons supplies"));
    assertEquals(tokens(english, "Pyongyang's"), tokens(english, "Pyongyang"));
  }

  @Test
  void languageCodesPickTheirFields() {
    assertEquals("de", Analysis.suffix("de-AT"));
    assertEquals("en", Analysis.suffix("EN"));
    assertEquals("xx", Analysis.suffix("fr"));
    assertEquals("xx", Analysis.suffix(null));
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    return tokens(analyzer, "body", text);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }
}
