package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueCursorTest {
  static final QueueOrder BY_DUE = new QueueOrder(QueueOrder.Sort.DUE, true);

  @Test
  void aCursorSurvivesTheRoundTripAsOpaqueUrlSafeText() {
    QueueCursor titled =
        new QueueCursor(
            new QueueOrder(QueueOrder.Sort.TITLE, false), "Mieten: +20 % / 3 Städte?", 4711);
    String text = titled.toString();
    assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    assertEquals(titled, QueueCursor.parse(text));
    QueueCursor undated = new QueueCursor(BY_DUE, null, 12);
    assertEquals(undated, QueueCursor.parse(undated.toString()));
    assertNull(QueueCursor.parse(" "));
  }

  @Test
  void aDamagedCursorOrOneOfAnotherOrderIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> QueueCursor.parse("not a cursor!"));
    assertThrows(IllegalArgumentException.class, () -> QueueCursor.parse("Zm9vOmJhcg"));
    QueueCursor cursor = new QueueCursor(BY_DUE, "2026-01-02", 7);
    IllegalArgumentException other =
        assertThrows(
            IllegalArgumentException.class,
            () -> cursor.requireOrder(new QueueOrder(QueueOrder.Sort.DUE, false)));
    assertTrue(other.getMessage().contains("due asc"), other.getMessage());
  }

  @Test
  void withoutADirectionEachSortHasThePeopleWantMostOften() {
    QueueOrder usual = Queue.MINE.usualOrder();
    assertEquals(usual, QueueOrder.of(null, null, usual));
    assertEquals(new QueueOrder(QueueOrder.Sort.DUE, true), QueueOrder.of("due", null, usual));
    assertEquals(
        new QueueOrder(QueueOrder.Sort.PRIORITY, false), QueueOrder.of("priority", "", usual));
    assertEquals(
        new QueueOrder(QueueOrder.Sort.TITLE, false), QueueOrder.of("Title", "DESC", usual));
    assertThrows(IllegalArgumentException.class, () -> QueueOrder.of("claimant", null, usual));
    assertThrows(IllegalArgumentException.class, () -> QueueOrder.of("due", "up", usual));
  }

  @Test
  void undatedCasesFollowTheDatedOnesAndPrecedeThemInReverse() {
    assertEquals("c.dueOn ASC NULLS LAST, c.id ASC", BY_DUE.orderBy());
    assertEquals(
        "c.dueOn DESC NULLS FIRST, c.id DESC",
        new QueueOrder(QueueOrder.Sort.DUE, false).orderBy());
    assertEquals("c.dueOn IS NULL", BY_DUE.segmentAfter(new QueueCursor(BY_DUE, "2026-01-02", 1)));
    assertNull(BY_DUE.segmentAfter(new QueueCursor(BY_DUE, null, 1)));
    QueueOrder latestFirst = new QueueOrder(QueueOrder.Sort.DUE, false);
    assertEquals(
        "c.dueOn IS NOT NULL", latestFirst.segmentAfter(new QueueCursor(latestFirst, null, 1)));
  }
}
