package org.claimdesk.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateDisplayTest {
  static final LocalDate DAY = LocalDate.of(2024, 6, 20);

  @Test
  void germanReadsItsOwnFormAndIso() {
    assertEquals(Optional.of(DAY), DateDisplay.parse("20.06.2024", Locale.GERMAN));
    assertEquals(Optional.of(DAY), DateDisplay.parse(" 20.6.2024 ", Locale.GERMAN));
    assertEquals(Optional.of(DAY), DateDisplay.parse("2024-06-20", Locale.GERMAN));
    assertEquals("20.06.2024", DateDisplay.format(DAY, Locale.GERMAN));
  }

  @Test
  void englishIsIsoOnly() {
    assertEquals(Optional.of(DAY), DateDisplay.parse("2024-06-20", Locale.ENGLISH));
    assertEquals(Optional.empty(), DateDisplay.parse("20.06.2024", Locale.ENGLISH));
    assertEquals("2024-06-20", DateDisplay.format(DAY, Locale.ENGLISH));
  }

  @Test
  void daysThatDoNotExistAreRefused() {
    assertEquals(Optional.empty(), DateDisplay.parse("31.02.2024", Locale.GERMAN));
    assertEquals(Optional.empty(), DateDisplay.parse("2024-02-31", Locale.GERMAN));
    assertEquals(Optional.empty(), DateDisplay.parse("gestern", Locale.GERMAN));
  }
}
