package org.claimdesk.platform;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Words for a person: a key of the message bundles with its arguments, written out in German or
 * English only when shown. An argument that is itself a {@code Message} is written in the same
 * language (a status, a field name); numbers are written as digits, without grouping (ids, limits);
 * days as the UI writes them. A key missing from the bundles shows as it is, so an unconverted text
 * still reads.
 */
public record Message(String key, List<Object> arguments) implements Serializable {
  public static final String BUNDLE = "org.claimdesk.platform.i18n.messages";

  public Message {
    Objects.requireNonNull(key);
    arguments = List.copyOf(arguments.stream().map(a -> a == null ? "" : a).toList());
  }

  public static Message of(String key, Object... arguments) {
    return new Message(key, Arrays.asList(arguments));
  }

  /** The name of an enum value from its bundle entry {@code prefix.VALUE}, such as a status. */
  public static Message named(String prefix, Enum<?> value) {
    return new Message(prefix + "." + value.name(), List.of());
  }

  /** The text in German for {@code de}, else in English. */
  public String in(Locale locale) {
    Locale language = supported(locale);
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language);
    if (!bundle.containsKey(key)) {
      return key;
    }
    Object[] shown = arguments.stream().map(a -> shown(a, language)).toArray();
    return new MessageFormat(bundle.getString(key), language).format(shown);
  }

  /** The English text: for logs, and for callers who ask for no language. */
  public String english() {
    return in(Locale.ENGLISH);
  }

  /**
   * The reader's language from an {@code Accept-Language} header: German when it prefers German to
   * English, else English (also without the header).
   */
  public static Locale readerOf(String acceptLanguage) {
    try {
      for (Locale.LanguageRange range :
          Locale.LanguageRange.parse(acceptLanguage == null ? "" : acceptLanguage)) {
        String language = range.getRange().split("-")[0];
        if (language.equals("de") || language.equals("en")) {
          return supported(Locale.forLanguageTag(language));
        }
      }
    } catch (IllegalArgumentException unreadable) {
      // a header nobody can read asks for nothing
    }
    return Locale.ENGLISH;
  }

  /** German or English, the two languages ClaimDesk speaks. */
  public static Locale supported(Locale locale) {
    return locale != null && "de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
  }

  private static Object shown(Object argument, Locale language) {
    if (argument instanceof Message m) {
      return m.in(language);
    }
    if (argument instanceof Number n) {
      return n.toString();
    }
    if (argument instanceof LocalDate day) {
      // as the UI writes days: 20.06.2024 in German, 2024-06-20 in English
      return Locale.GERMAN.equals(language)
          ? DateTimeFormatter.ofPattern("dd.MM.yyyy").format(day)
          : day.toString();
    }
    return argument;
  }

  @Override
  public String toString() {
    return english();
  }
}
