package org.claimdesk.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class MinHashBandsTest {
  private final Analyzer bands = MinHashBands.over(Analysis.german());

  @Test
  void aTextHasItsBandsWhateverTheOrderOfItsWords() throws IOException {
    List<String> said = bands("Moskau lieferte im Mai 1 000 Raketen an Pjöngjang.");
    assertEquals(MinHashBands.BANDS, said.size());
    assertEquals(MinHashBands.BANDS, new HashSet<>(said).size(), "one token a band");
    assertEquals(
        Set.copyOf(said), Set.copyOf(bands("Im Mai lieferte Moskau an Pjöngjang 1 000 Raketen.")));
  }

  @Test
  void textsSharingMostWordsShareBandsAndTextsSharingFewShareNone() throws IOException {
    Set<String> said = Set.copyOf(bands("Moskau lieferte im Mai 1 000 Raketen an Pjöngjang."));
    // one word of seven changed: each band survives with (6/8)^3, about 0.42
    assertTrue(shared(said, bands("Moskau schickte im Mai 1 000 Raketen an Pjöngjang.")) > 0);
    assertEquals(0, shared(said, bands("Kiew erhielt im Juli 300 Panzer aus Berlin.")));
    assertEquals(List.of(), bands("und der die"), "stop words only: nothing to band");
  }

  private static int shared(Set<String> a, List<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both.size();
  }

  private List<String> bands(String text) throws IOException {
    return Analysis.tokens(bands, "shape_de", text);
  }
}
