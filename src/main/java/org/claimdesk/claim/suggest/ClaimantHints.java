package org.claimdesk.claim.suggest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.article.text.Sentence;

/**
 * Who may have made the claim in a span of a reading text: the speaker that reported speech points
 * to ("…“, mahnte der Sprecher des US-Außenministeriums, Matthew Miller"), a pronoun speaker
 * resolved to the last person named before it ("sagte er"), then the other names in the same and
 * the previous sentence. Names come in a canonical form ("Kirbys" → "John Kirby", "des Weißen
 * Hauses" → "Weißes Haus"). Hints, not facts: the fact-checker decides.
 */
public final class ClaimantHints {
  private static final int MAX_HINTS = 8;

  private ClaimantHints() {}

  /** Most likely claimant first; empty when nothing looks like a name. */
  public static List<String> near(String text, int start, int end, String language) {
    if (text == null || text.isBlank() || start < 0 || end > text.length() || start > end) {
      return List.of();
    }
    Analysis analysis = new Analysis(text, language);
    List<Integer> covered = new ArrayList<>();
    for (int i = 0; i < analysis.sentences.size(); i++) {
      Sentence s = analysis.sentences.get(i);
      if (s.start() < Math.max(end, start + 1) && start < s.end()) {
        covered.add(i);
      }
    }
    if (covered.isEmpty()) {
      return List.of();
    }
    Set<String> hints = new LinkedHashSet<>();
    for (int i : covered) {
      speakers(analysis, i, hints);
    }
    int first = covered.get(0);
    if (hints.isEmpty()) {
      // a quote running over several sentences: the attribution sits before or after it
      if (first > 0) {
        speakers(analysis, first - 1, hints);
      }
      int last = covered.get(covered.size() - 1);
      if (hints.isEmpty() && last + 1 < analysis.sentences.size()) {
        speakers(analysis, last + 1, hints);
      }
    }
    for (int i : covered) {
      names(analysis, i, hints);
    }
    if (first > 0) {
      names(analysis, first - 1, hints);
    }
    return hints.stream().limit(MAX_HINTS).toList();
  }

  private static void speakers(Analysis analysis, int sentence, Set<String> hints) {
    for (Analysis.Speaker speaker : analysis.speakers(sentence)) {
      for (Analysis.Name name : speaker.names()) {
        hints.add(name.name());
      }
    }
  }

  private static void names(Analysis analysis, int sentence, Set<String> hints) {
    List<Analysis.Name> names = analysis.names(sentence);
    names.stream().filter(n -> n.kind() == Analysis.Kind.PERSON).forEach(n -> hints.add(n.name()));
    names.stream().filter(n -> n.kind() != Analysis.Kind.PERSON).forEach(n -> hints.add(n.name()));
  }
}
