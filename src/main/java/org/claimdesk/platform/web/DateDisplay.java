package org.claimdesk.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Shows instants in the newsroom's time zone and the viewer's language ({@code #{dates.show(x)}}),
 * and days in the form of the viewer's language ({@code #{dates.day(d)}}: 20.06.2024 in German,
 * 2024-06-20 otherwise). {@link DayConverter} reads days typed in that form, or ISO in any
 * language.
 */
@Named("dates")
@ApplicationScoped
public class DateDisplay {
  private static final String GERMAN_DAY = "dd.MM.yyyy";
  private static final String ISO_DAY = "yyyy-MM-dd";

  /** Also reads a German day without leading zeros (1.6.2024). */
  private static final DateTimeFormatter GERMAN_INPUT =
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

  @Inject
  @ConfigProperty(name = "claimdesk.timezone", defaultValue = "Europe/Berlin")
  String zone;

  public String show(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(viewLocale())
        .withZone(ZoneId.of(zone))
        .format(instant);
  }

  /** A day as the viewer writes it. */
  public String day(LocalDate day) {
    return day == null ? "" : format(day, viewLocale());
  }

  /** A day stored as ISO text (a published snapshot) as the viewer writes it. */
  public String isoDay(String iso) {
    return iso == null || iso.isBlank() ? "" : day(LocalDate.parse(iso));
  }

  /** The pattern the date pickers show and expect (Java form, as PrimeFaces takes it). */
  public String dayPattern() {
    return dayPattern(viewLocale());
  }

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  static String dayPattern(Locale locale) {
    return german(locale) ? GERMAN_DAY : ISO_DAY;
  }

  static String format(LocalDate day, Locale locale) {
    return DateTimeFormatter.ofPattern(dayPattern(locale)).format(day);
  }

  /** The day in the language's form or in ISO form; empty when the text is neither. */
  static Optional<LocalDate> parse(String text, Locale locale) {
    String trimmed = text.strip();
    if (german(locale)) {
      try {
        return Optional.of(LocalDate.parse(trimmed, GERMAN_INPUT));
      } catch (DateTimeParseException notGerman) {
        // ISO is accepted in every language
      }
    }
    try {
      return Optional.of(LocalDate.parse(trimmed));
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean german(Locale locale) {
    return "de".equals(locale.getLanguage());
  }

  private static Locale viewLocale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
