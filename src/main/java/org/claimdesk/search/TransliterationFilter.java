package org.claimdesk.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.claimdesk.claim.match.Transliteration;

/**
 * A spelling key that makes transliterations of names meet: Schoigu/Shoigu, Sergej/Sergei,
 * Wladimir/Vladimir, Selenskyj/Selensky. In searched text the key stands beside the original token
 * at the same position (like a synonym), so exact spellings still score higher and the highlighter
 * still marks the word. In what similar() compares it replaces the token: the spellings meet there
 * too, and a word with a key is looked up in one list of texts instead of two.
 */
final class TransliterationFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final boolean keyOnly;
  private State original;
  private String pendingKey;

  private TransliterationFilter(TokenStream input, boolean keyOnly) {
    super(input);
    this.keyOnly = keyOnly;
  }

  /** Each token, and its key beside it where the key differs. */
  static TokenStream beside(TokenStream input) {
    return new TransliterationFilter(input, false);
  }

  /** Each token's key in its place. */
  static TokenStream instead(TokenStream input) {
    return new TransliterationFilter(input, true);
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
    if (keyOnly) {
      term.setEmpty().append(key);
    } else if (!key.equals(token)) {
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
