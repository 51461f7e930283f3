package org.claimdesk.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.claimdesk.claim.match.Transliteration;

/**
 * Adds, at the same position, a spelling key that makes transliterations of names meet:
 * Schoigu/Shoigu, Sergej/Sergei, Wladimir/Vladimir, Selenskyj/Selensky. The key stands beside the
 * original token (like a synonym), so exact spellings still score higher and the highlighter still
 * marks the word.
 */
final class TransliterationFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private State original;
  private String pendingKey;

  TransliterationFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingKey != null) {
      restoreState(original);
      term.setEmpty().append(pendingKey);
      position.setPositionIncrement(0);
      pendingKey = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    String token = term.toString();
    String key = Transliteration.key(token);
    if (!key.equals(token)) {
      original = captureState();
      pendingKey = key;
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    original = null;
    pendingKey = null;
  }
}
