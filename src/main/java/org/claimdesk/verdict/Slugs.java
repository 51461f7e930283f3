package org.claimdesk.verdict;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The readable part of a fact-check's public address: the claim as reviewed in lower-case ASCII
 * words (umlauts spelled out), ending in the case id, which makes it unique on the site.
 */
final class Slugs {
  private static final int LONGEST_WORDS = 80;

  private Slugs() {}

  static String of(String claimReviewed, long caseId) {
    String s =
        claimReviewed
            .toLowerCase(Locale.GERMAN)
            .replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("ß", "ss");
    s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (s.length() > LONGEST_WORDS) {
      s = s.substring(0, LONGEST_WORDS);
      int cut = s.lastIndexOf('-');
      s = cut > 20 ? s.substring(0, cut) : s;
    }
    return (s.isEmpty() ? "" : s + "-") + caseId;
  }
}
