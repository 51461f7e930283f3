package org.claimdesk.verdict.web;

import java.util.List;
import java.util.regex.Matcher;
import org.claimdesk.verdict.Citations;
import org.jsoup.nodes.Entities;

/**
 * A verdict's explanation as the pages write it: paragraphs of escaped text in which every cited
 * label ({@code [E1, E3]}) links to its item, on the public page and on the case page alike.
 */
final class CitationLinks {
  private CitationLinks() {}

  /** The paragraphs; a label links to {@code #} + {@code anchorPrefix} + label. */
  static List<String> paragraphs(String explanation, String anchorPrefix) {
    if (explanation == null || explanation.isBlank()) {
      return List.of();
    }
    return List.of(explanation.split("\\n\\s*\\n")).stream()
        .map(p -> linked(p, anchorPrefix))
        .toList();
  }

  static String linked(String paragraph, String anchorPrefix) {
    Matcher m = Citations.BRACKET.matcher(paragraph);
    StringBuilder html = new StringBuilder();
    int last = 0;
    while (m.find()) {
      html.append(Entities.escape(paragraph.substring(last, m.start())));
      html.append('[');
      boolean first = true;
      for (String label : Citations.in(m.group())) {
        html.append(first ? "" : ", ")
            .append("<a href=\"#")
            .append(anchorPrefix)
            .append(label)
            .append("\">")
            .append(label)
            .append("</a>");
        first = false;
      }
      html.append(']');
      last = m.end();
    }
    html.append(Entities.escape(paragraph.substring(last)));
    return html.toString().replace("\n", "<br/>");
  }
}
