package org.claimdesk.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationsAndSlugsTest {
  @Test
  void citationsAreBracketedLabelsInOrderOfFirstUse() {
    assertEquals(
        List.of("E2", "E1", "E3"),
        Citations.in("Laut [E2] und [E1, E3] – nochmals [E2]; E4 ohne Klammern zählt nicht."));
    assertEquals(List.of("E1", "E5"), Citations.in("[E1;E5]"));
    assertEquals(List.of(), Citations.in("[E] [1] [e1] (E1)"));
    assertEquals(List.of(), Citations.in(null));
  }

  @Test
  void slugsAreReadableAsciiWordsEndingInTheCaseId() {
    assertEquals(
        "nordkorea-hat-mindestens-10-000-container-nach-russland-geliefert-42",
        Slugs.of("Nordkorea hat mindestens 10.000 Container nach Russland geliefert", 42));
    assertEquals("grosse-aerger-ueber-oel-7", Slugs.of("Große Ärger über Öl!", 7));
    assertEquals("9", Slugs.of("„…“", 9));
    String long_ = Slugs.of("wort ".repeat(40), 1);
    assertEquals(
        true, long_.length() <= 82 && long_.endsWith("-1") && !long_.contains("--"), long_);
  }
}
