package org.claimdesk.claim.match;

/**
 * A spelling key that makes transliterations of names meet: Schoigu/Shoigu, Sergej/Sergei,
 * Wladimir/Vladimir, Selenskyj/Selensky. Used by claim matching and by the search index.
 */
public final class Transliteration {
  private Transliteration() {}

  /**
   * The key of a lower-case word: German and English transliterations differ mostly in sch/sh,
   * j/i/y, w/v, ph/f and doubled letters.
   */
  public static String key(String word) {
    String s = word.replace("sch", "sh").replace("ph", "f").replace('j', 'i').replace('y', 'i');
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
