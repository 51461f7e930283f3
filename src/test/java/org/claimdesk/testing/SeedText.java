package org.claimdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The five seed articles as reading text: paragraphs separated by a blank line, no other line
 * breaks, whitespace collapsed. A stand-in for the product's text cleaner until it lands.
 */
public final class SeedText {
  public static final List<String> FILES =
      List.of(
          "000_da7b1f475156277f.txt",
          "001_c92052077ae66e60.txt",
          "002_2f1474f60fdc96d6.txt",
          "003_cf013e87bb0c4974.txt",
          "004_13fc5d182ca531a0.txt");

  // a line break inside a sentence: "am 15.\nAugust", or the next line going on in lower case
  private static final Pattern BROKEN_SENTENCE =
      Pattern.compile(
          "(?<=\\d\\.)\\n(?=(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
              + "|November|Dezember)\\b)|(?<=[^.!?“\"])\\n(?=\\p{Ll})");

  private SeedText() {}

  /** Joins line breaks inside sentences; every other line break becomes a paragraph break. */
  public static String clean(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    text = BROKEN_SENTENCE.matcher(text).replaceAll(" ");
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      String collapsed = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!collapsed.isEmpty()) {
        out.append(out.length() == 0 ? "" : "\n\n").append(collapsed);
      }
    }
    return out.toString();
  }

  /** The cleaned text of one seed file from {@code demo/articles/}. */
  public static String of(String file) {
    try (InputStream in = SeedText.class.getResourceAsStream("/demo/articles/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no seed " + file);
      }
      return clean(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
