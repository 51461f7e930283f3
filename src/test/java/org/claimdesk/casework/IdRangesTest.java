package org.claimdesk.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdRangesTest {
  @Test
  void consecutiveIdsBecomeRanges() {
    assertEquals("1-3,7,9-10", IdRanges.of(List.of(9L, 1L, 2L, 10L, 3L, 7L)));
    assertEquals("", IdRanges.of(List.of()));
  }
}
