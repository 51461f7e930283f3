package org.claimdesk.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Replaces a text's words by its MinHash bands (locality-sensitive hashing): {@link #BANDS} tokens,
 * each the minimum hashes of its words under {@link #ROWS} hash functions. Two texts share a band
 * with probability J^ROWS, J being the share of words they have in common, so texts that say much
 * the same share bands and texts that share only a few common words rarely do. A band is as rare as
 * its combination of words, which makes it a cheap key where each word alone is in tens of
 * thousands of texts. Lucene's MinHashFilter gives single minimum hashes, not bands of them.
 */
final class MinHashBands extends TokenFilter {
  static final int BANDS = 16;
  static final int ROWS = 3;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private Iterator<String> bands;

  private MinHashBands(TokenStream input) {
    super(input);
  }

  /** {@code words}' chain, ending in the bands of the words it gives. */
  static Analyzer over(Analyzer words) {
    return new AnalyzerWrapper(words.getReuseStrategy()) {
      @Override
      protected Analyzer getWrappedAnalyzer(String field) {
        return words;
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String field, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(), new MinHashBands(components.getTokenStream()));
      }
    };
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (bands == null) {
      Set<BytesRef> words = new LinkedHashSet<>();
      while (input.incrementToken()) {
        words.add(new BytesRef(term));
      }
      bands = of(words).iterator();
    }
    if (!bands.hasNext()) {
      return false;
    }
    clearAttributes();
    term.setEmpty().append(bands.next());
    position.setPositionIncrement(1);
    return true;
  }

  private static List<String> of(Set<BytesRef> words) {
    List<String> out = new ArrayList<>(BANDS);
    if (words.isEmpty()) {
      return out;
    }
    for (int band = 0; band < BANDS; band++) {
      long combined = band;
      for (int row = 0; row < ROWS; row++) {
        int seed = band * ROWS + row + 1;
        int min = Integer.MAX_VALUE;
        for (BytesRef word : words) {
          min = Math.min(min, StringHelper.murmurhash3_x86_32(word, seed));
        }
        combined = 31 * combined + min;
      }
      out.add(band + ":" + Long.toHexString(combined));
    }
    return out;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    bands = null;
  }
}
