package org.claimdesk.verdict.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * What changed between two texts, word by word, as HTML for reviewers: removed words in {@code
 * <del>}, added ones in {@code <ins>}, everything escaped.
 */
final class WordDiff {
  // words and the spaces between them, so that joining the tokens gives the text back
  private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

  private WordDiff() {}

  static String html(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    StringBuilder html = new StringBuilder();
    int at = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int start = delta.getSource().getPosition();
      append(html, a.subList(at, start), null);
      append(html, delta.getSource().getLines(), "del");
      append(html, delta.getTarget().getLines(), "ins");
      at = start + delta.getSource().size();
    }
    append(html, a.subList(at, a.size()), null);
    return html.toString().replace("\n", "<br/>");
  }

  private static void append(StringBuilder html, List<String> tokens, String tag) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = Entities.escape(String.join("", tokens));
    html.append(tag == null ? text : "<" + tag + ">" + text + "</" + tag + ">");
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }
}
