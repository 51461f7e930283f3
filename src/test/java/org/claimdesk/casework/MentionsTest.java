package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void mentionsAreUserNamesAfterAnAt() {
    assertEquals(
        Set.of("lena", "jonas.k", "max_1"),
        Mentions.in("@lena, bitte mit @jonas.k und (@max_1) prüfen. Danke @lena!"));
  }

  @Test
  void trailingPunctuationAndCapitalsAreNotPartOfTheName() {
    assertEquals(Set.of("lena"), Mentions.in("Frag @Lena."));
    assertEquals(Set.of("lena"), Mentions.in("Frag @lena-"));
  }

  @Test
  void anAtInsideAWordIsNoMention() {
    assertEquals(Set.of(), Mentions.in("Mail an lena@example.org, @ 10 Uhr, @@x, @1abc, @a"));
  }

  @Test
  void partsKeepTheWholeTextAndMarkOnlyMentions() {
    List<Mentions.Part> parts = Mentions.parts("<b>@lena</b> sieh dir das an, @jonas.");
    assertEquals(
        List.of(
            new Mentions.Part("<b>", false),
            new Mentions.Part("@lena", true),
            new Mentions.Part("</b> sieh dir das an, ", false),
            new Mentions.Part("@jonas", true),
            new Mentions.Part(".", false)),
        parts);
    assertEquals(
        "<b>@lena</b> sieh dir das an, @jonas.",
        String.join("", parts.stream().map(Mentions.Part::text).toList()));
  }

  @Test
  void aNoteNeedsTextWithinItsLimits() {
    Instant now = Instant.parse("2026-05-01T10:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new Note(1, "  \n ", "lena", now));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Note(1, "x".repeat(Note.LONGEST_BODY + 1), "lena", now));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= Note.MOST_MENTIONED; i++) {
      many.append("@user").append(i).append(' ');
    }
    assertThrows(IllegalArgumentException.class, () -> new Note(1, many.toString(), "lena", now));
    Note note = new Note(1, " Erste Zeile\r\nzweite @Jonas \n", "lena", now);
    assertEquals("Erste Zeile\nzweite @Jonas", note.body());
    assertTrue(note.mentioned().contains("jonas"));
  }
}
