package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

  @Test
  void blankFieldsMeanAnyAndTagsAndTextCompareLowerCase() {
    QueueFilter f = new QueueFilter(" ", false, true, null, Priority.HIGH, " Klima ", " Rente ");
    assertEquals(
        Map.of("overdue", "true", "priority", "HIGH", "tag", "klima", "q", "rente"),
        f.parameters());
  }

  @Test
  void aQueueFixesItsOwnFieldsAndMeIsTheViewer() {
    QueueFilter chosen = new QueueFilter("lena", true, null, CaseStatus.NEW, null, null, null);
    assertEquals(
        new QueueFilter("jonas", true, null, CaseStatus.NEW, null, null, null),
        Queue.MINE.filter(chosen, "jonas"));
    assertEquals(
        new QueueFilter("jonas", null, true, null, null, "wohnen", null),
        Queue.OVERDUE.filter(
            new QueueFilter("me", null, null, null, null, "wohnen", null), "jonas"));
    assertEquals(Queue.TEAM, Queue.named("Team"));
    assertEquals(Queue.MINE, Queue.named(null));
    assertThrows(IllegalArgumentException.class, () -> Queue.named("later"));
  }

  @Test
  void theTitleTextMatchesItsOwnWildcardsLiterally() {
    assertEquals("50\\% \\_x\\\\", QueueFilter.likeEscaped("50% _x\\"));
  }
}
