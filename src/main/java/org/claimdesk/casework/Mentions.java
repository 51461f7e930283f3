package org.claimdesk.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The @mentions in a note. "@lena" names the account lena (user names are lower-case, so "@Lena"
 * does too). An @ inside a word ("lena@example.org") is no mention, and a name ends with a letter
 * or digit, so the full stop in "Ask @lena." is not part of it.
 */
public final class Mentions {
  private static final Pattern MENTION =
      Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9])");

  /** A piece of a note's text: plain text, or a mention with its "@". */
  public record Part(String text, boolean mention) implements java.io.Serializable {}

  private Mentions() {}

  /** The user names mentioned, sorted, each once. */
  public static Set<String> in(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      names.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** The text cut into plain parts and mentions, for showing mentions highlighted. */
  public static List<Part> parts(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = MENTION.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        parts.add(new Part(text.substring(at, m.start()), false));
      }
      parts.add(new Part(m.group(), true));
      at = m.end();
    }
    if (at < text.length()) {
      parts.add(new Part(text.substring(at), false));
    }
    return parts;
  }
}
