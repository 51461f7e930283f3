package org.claimdesk.article.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lines to paragraphs. Joins hard line breaks inside a sentence ("am 15.\nAugust") and keeps real
 * paragraph ends and headline lines apart. Never changes a word: only line breaks and whitespace
 * are touched.
 */
final class Paragraphs {

  /** Characters that end a paragraph when they end a line. */
  private static final String CLOSERS = ".!?…:\"“”»«'’)]–—";

  private static final Pattern ORDINAL_AT_END = Pattern.compile("(?:^|[\\s(])\\d{1,2}\\.$");

  /** Abbreviations that never end a sentence, so a line ending in one goes on. */
  private static final Pattern ABBREVIATION_AT_END =
      Pattern.compile(
          "(?:^|\\s)(?:Dr|Prof|Hr|Fr|Nr|St|Mr|Mrs|Ms|Jr|ca|vgl|bzw|sog|inkl|gem|lt|Abs|Art|Bd|Tel"
              + "|z\\.\\s?B|d\\.\\s?h|u\\.\\s?U|i\\.\\s?d\\.\\s?R)\\.$");

  /** Words that follow an ordinal number ("am 15. August", "im 20. Jahrhundert"). */
  private static final Set<String> ORDINAL_NOUNS =
      words(
          "januar jänner februar märz april mai juni juli august september "
              + "oktober november dezember jahrhundert jahrhunderts jahrestag "
              + "geburtstag mal platz stock runde spieltag tag woche kalenderwoche "
              + "lebensjahr jahr etage klasse weltkrieg parteitag sitzung "
              + "legislaturperiode amendment");

  /** Articles, prepositions and conjunctions: a headline does not end on one, a broken line may. */
  private static final Set<String> CONNECTORS =
      words(
          "und oder aber sowie der die das den dem des ein eine einen einem "
              + "einer eines zu zum zur von vom mit in im an am auf aus bei für über "
              + "unter nach vor gegen durch um wie als dass ob sich nicht the a an of "
              + "to and or but on at for with from by as that which who is are was "
              + "were");

  private static final Pattern LIST_ITEM = Pattern.compile("(?:[-*•·▪]|\\d{1,3}[.)])\\s.*");

  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private Paragraphs() {}

  /** Line ends to \n; no-break spaces to spaces; zero-width characters and soft hyphens out. */
  static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> {
          out.append('\n');
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\u2028', '\u2029', '\u0085' -> out.append('\n');
        case '\u00A0', '\u2007', '\u202F', '\t', '\f', '\u000B' -> out.append(' ');
        case '\u200B', '\u2060', '\uFEFF', '\u00AD' -> {}
        default -> {
          if (c == '\n' || !Character.isISOControl(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Runs of whitespace to one space, trimmed. */
  static String collapse(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  /** Plain text to paragraphs: blank lines always separate, single line breaks are judged. */
  static List<String> of(String text) {
    String[] raw = normalise(text).split("\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (String line : raw) {
      lines.add(collapse(line));
    }
    return join(lines);
  }

  /** Lines (already collapsed; empty = blank line) to paragraphs. */
  static List<String> join(List<String> lines) {
    Wrapping wrapping = Wrapping.of(lines);
    List<String> paragraphs = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    String previous = null;
    for (String line : lines) {
      if (line.isEmpty()) {
        flush(paragraph, paragraphs);
        previous = null;
        continue;
      }
      if (previous != null && continues(previous, line, wrapping)) {
        if (!endsInWordHyphen(previous)) {
          paragraph.append(' ');
        }
      } else {
        flush(paragraph, paragraphs);
      }
      paragraph.append(line);
      previous = line;
    }
    flush(paragraph, paragraphs);
    return paragraphs;
  }

  private static void flush(StringBuilder paragraph, List<String> paragraphs) {
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph.toString());
      paragraph.setLength(0);
    }
  }

  /** Whether line {@code next} continues the paragraph that line {@code line} belongs to. */
  static boolean continues(String line, String next, Wrapping wrapping) {
    if (LIST_ITEM.matcher(next).matches()) {
      return false;
    }
    if (isDash(next)) {
      return true; // a dateline: "CNN\n—"
    }
    if (isDash(line)) {
      return false;
    }
    if (endsInWordHyphen(line)) {
      return true;
    }
    boolean lowerCaseNext = Character.isLowerCase(next.codePointAt(0));
    if (endsParagraph(line)) {
      if (ORDINAL_AT_END.matcher(line).find()
          && (lowerCaseNext || Character.isDigit(next.charAt(0)) || startsWithOrdinalNoun(next))) {
        return true;
      }
      if (ABBREVIATION_AT_END.matcher(line).find() || lowerCaseNext) {
        return true;
      }
      // hard-wrapped prose: a sentence may end exactly at a full-width line
      return wrapping.fillsLine(line);
    }
    if (lowerCaseNext || line.endsWith(",") || line.endsWith(";")) {
      return true;
    }
    if (CONNECTORS.contains(lastWord(line))) {
      return true;
    }
    // a short line without closing punctuation before a capital is a heading
    return wrapping.fillsLine(line);
  }

  static boolean endsParagraph(String line) {
    return CLOSERS.indexOf(line.charAt(line.length() - 1)) >= 0;
  }

  private static boolean isDash(String line) {
    return line.equals("—") || line.equals("–") || line.equals("-");
  }

  private static boolean endsInWordHyphen(String line) {
    int n = line.length();
    return n > 1 && line.charAt(n - 1) == '-' && Character.isLetter(line.charAt(n - 2));
  }

  private static boolean startsWithOrdinalNoun(String line) {
    int end = 0;
    while (end < line.length() && Character.isLetter(line.charAt(end))) {
      end++;
    }
    return ORDINAL_NOUNS.contains(line.substring(0, end).toLowerCase(Locale.ROOT));
  }

  private static String lastWord(String line) {
    int start = line.length();
    while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
      start--;
    }
    return line.substring(start).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the text is hard-wrapped at a fixed width (e-mail, agency wire), where most line ends
   * are not paragraph ends.
   */
  record Wrapping(boolean wrapped, int width) {

    static final Wrapping NONE = new Wrapping(false, 0);

    /** Wrapped texts are wrapped at 60 to 100 columns, never at a few hundred. */
    private static final int MAX_WIDTH = 110;

    static Wrapping of(List<String> lines) {
      int width = 0;
      for (String line : lines) {
        width = Math.max(width, line.length());
      }
      if (width > MAX_WIDTH) {
        return NONE;
      }
      int inner = 0;
      int open = 0;
      int full = 0;
      for (int i = 0; i + 1 < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isEmpty() || lines.get(i + 1).isEmpty()) {
          continue;
        }
        inner++;
        if (!endsParagraph(line)) {
          open++;
        }
        if (line.length() >= 0.6 * width) {
          full++;
        }
      }
      boolean wrapped = inner >= 3 && open >= 0.4 * inner && full >= 0.7 * inner;
      return wrapped ? new Wrapping(true, width) : NONE;
    }

    boolean fillsLine(String line) {
      return wrapped && line.length() >= 0.75 * width;
    }
  }

  private static Set<String> words(String spaceSeparated) {
    // duplicates allowed: German and English share words such as "an" and "in"
    return Set.copyOf(java.util.Arrays.asList(spaceSeparated.split(" ")));
  }
}
