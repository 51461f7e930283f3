package org.claimdesk.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scale's ClaimReview rules: one number per label, 1 ≤ worst < best, versions never change. */
class RatingScaleTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static List<Rating> threeRatings() {
    return List.of(
        new Rating("TRUE", 0, "Richtig", "True", 3),
        new Rating("UNPROVEN", 0, "Unbelegt", "Unproven", null),
        new Rating("FALSE", 0, "Falsch", "False", 1));
  }

  @Test
  void bestAndWorstComeFromTheNumberedRatings() {
    RatingScale s = new RatingScale("Desk", 1, threeRatings(), "admin", NOW);
    assertEquals(3, s.best());
    assertEquals(1, s.worst());
    assertEquals(List.of(1, 2, 3), s.ratings().stream().map(Rating::position).toList());
    assertEquals("Unbelegt", s.require("UNPROVEN").label("de"));
    assertEquals("Unproven", s.require("UNPROVEN").label("en"));
  }

  @Test
  void oneNumberBelongsToOneLabel() {
    List<Rating> twice =
        List.of(
            new Rating("TRUE", 0, "Richtig", "True", 2),
            new Rating("RATHER_TRUE", 0, "Eher richtig", "Rather true", 2),
            new Rating("FALSE", 0, "Falsch", "False", 1));
    assertThrows(IllegalArgumentException.class, () -> new RatingScale("X", 1, twice, "a", NOW));
  }

  @Test
  void aScaleNeedsTwoNumbersAndNoneBelowOne() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RatingScale(
                "X", 1, List.of(new Rating("TRUE", 0, "Richtig", "True", 1)), "a", NOW));
    assertThrows(IllegalArgumentException.class, () -> new Rating("ZERO", 0, "Null", "Zero", 0));
    assertThrows(IllegalArgumentException.class, () -> new Rating("bad code!", 0, "a", "b", 1));
  }

  @Test
  void extendingMakesANewVersionAndLeavesTheOldOneAsItWas() {
    RatingScale v1 = new RatingScale("Desk", 1, threeRatings(), "admin", NOW);
    RatingScale v2 =
        v1.extendedBy(new Rating("SATIRE", 0, "Satire", "Satire", null), 2, "admin", NOW);
    assertEquals(2, v2.number());
    assertEquals(
        List.of("TRUE", "SATIRE", "UNPROVEN", "FALSE"),
        v2.ratings().stream().map(Rating::code).toList());
    assertEquals(3, v1.ratings().size(), "the old version keeps its ratings");
    assertThrows(
        IllegalArgumentException.class,
        () -> v1.extendedBy(new Rating("TRUE", 0, "Wahr", "True", null), 9, "admin", NOW),
        "an existing code");
    v1.retire(NOW);
    assertTrue(v1.retired());
    assertThrows(
        org.claimdesk.platform.Conflict.class,
        () -> v1.extendedBy(new Rating("OTHER", 0, "Anders", "Other", null), 9, "admin", NOW));
  }
}
