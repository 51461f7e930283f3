package org.claimdesk.verdict;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evidence citations in a verdict's explanation: {@code [E1]} or {@code [E1, E3]}, the labels the
 * case's evidence list shows.
 */
public final class Citations {
  /** One citation in brackets: [E1] or [E1, E3]. */
  public static final Pattern BRACKET =
      Pattern.compile("\\[(\\s*E\\d+(?:\\s*[,;]\\s*E\\d+)*\\s*)]");

  private static final Pattern LABEL = Pattern.compile("E\\d+");

  private Citations() {}

  /** The cited labels in order of first citation, each once. */
  public static List<String> in(String text) {
    Set<String> labels = new LinkedHashSet<>();
    Matcher bracket = BRACKET.matcher(text == null ? "" : text);
    while (bracket.find()) {
      Matcher label = LABEL.matcher(bracket.group(1));
      while (label.find()) {
        labels.add(label.group());
      }
    }
    return List.copyOf(labels);
  }
}
