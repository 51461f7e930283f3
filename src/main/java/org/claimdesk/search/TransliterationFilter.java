package org.claimdesk.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

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
    String key = key(token);
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

  /** German and English transliterations differ mostly in sch/sh, j/i/y, w/v, ph/f, doubling. */
  static String key(String token) {
    String s = token.replace("sch", "sh").replace("ph", "f").replace('j', 'i').replace('y', 'i');
    s = s.replace('w', 'v');
    StringBuilder key = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i == 0 || c != s.charAt(i - 1) || Character.isDigit(c)) {
        key.append(c);
      }
    }
    return key.toString();
  }
}
