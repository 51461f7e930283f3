package org.claimdesk.platform;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a text ClaimDesk wrote in English where no language was known (a refusal's reason, kept in
 * the audit hash chain as written; a parser's complaint about a request) in another language: the
 * English bundle text it was made from is found, its arguments taken out and, where they are words
 * of the bundles themselves (a role), read in turn. A text made otherwise stays as it is.
 */
public final class EnglishWords {
  private record Made(String key, Pattern pattern, int arguments, int literal) {}

  private static final Pattern MARK = Pattern.compile("\u0000(\\d+)\u0000");

  private static final List<Made> MADE = made();

  private EnglishWords() {}

  /**
   * The text in {@code locale}'s language when it was made from a bundle text whose key starts with
   * one of {@code prefixes}; else as it is.
   */
  public static String inLanguage(String english, Locale locale, List<String> prefixes) {
    if (english == null || english.isEmpty() || Message.supported(locale) == Locale.ENGLISH) {
      return english;
    }
    return read(english, Message.supported(locale), prefixes, 0).orElse(english);
  }

  private static Optional<String> read(
      String english, Locale locale, List<String> prefixes, int depth) {
    if (depth > 3) {
      return Optional.empty();
    }
    ResourceBundle words = ResourceBundle.getBundle(Message.BUNDLE, locale);
    for (Made m : MADE) {
      if (prefixes.stream().noneMatch(m.key()::startsWith)) {
        continue;
      }
      Matcher match = m.pattern().matcher(english);
      if (match.matches()) {
        Object[] arguments = new Object[m.arguments()];
        for (int i = 0; i < arguments.length; i++) {
          String argument =
              m.pattern().pattern().contains("<a" + i + ">") ? match.group("a" + i) : "";
          arguments[i] = read(argument, locale, prefixes, depth + 1).orElse(argument);
        }
        return Optional.of(new MessageFormat(words.getString(m.key()), locale).format(arguments));
      }
    }
    return Optional.empty();
  }

  /** Each English text as a pattern, those with the most fixed words first. */
  private static List<Made> made() {
    ResourceBundle english = ResourceBundle.getBundle(Message.BUNDLE, Locale.ENGLISH);
    List<Made> made = new ArrayList<>();
    for (String key : english.keySet()) {
      MessageFormat format;
      String marked;
      try {
        format = new MessageFormat(english.getString(key), Locale.ENGLISH);
        marked = format.format(marks(format.getFormatsByArgumentIndex().length));
      } catch (IllegalArgumentException notPlainText) {
        continue; // a text pages show as it is, or one with numbers and choices
      }
      Matcher mark = MARK.matcher(marked);
      StringBuilder regex = new StringBuilder();
      Set<String> seen = new HashSet<>();
      int literal = 0;
      int at = 0;
      while (mark.find()) {
        String fixed = marked.substring(at, mark.start());
        regex.append(Pattern.quote(fixed));
        literal += fixed.length();
        String group = "a" + mark.group(1);
        regex.append(seen.add(group) ? "(?<" + group + ">.+?)" : "\\k<" + group + ">");
        at = mark.end();
      }
      String fixed = marked.substring(at);
      regex.append(Pattern.quote(fixed));
      literal += fixed.length();
      if (literal >= 2) {
        made.add(
            new Made(
                key,
                Pattern.compile(regex.toString(), Pattern.DOTALL),
                format.getFormatsByArgumentIndex().length,
                literal));
      }
    }
    made.sort(Comparator.comparingInt(Made::literal).reversed());
    return List.copyOf(made);
  }

  /** Each argument marked, so that the text's fixed parts can be told from them. */
  private static Object[] marks(int count) {
    Object[] marks = new Object[count];
    for (int i = 0; i < count; i++) {
      marks[i] = "\u0000" + i + "\u0000";
    }
    return marks;
  }
}
