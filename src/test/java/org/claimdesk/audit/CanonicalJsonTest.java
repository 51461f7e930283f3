package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void keysAreSortedAtEveryLevelWithoutWhiteSpace() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", true);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("b", inner);
    outer.put("a", null);
    assertEquals("{\"a\":null,\"b\":{\"a\":true,\"z\":1}}", CanonicalJson.write(outer));
  }

  @Test
  void listsKeepTheirOrderAndValuesTheirType() {
    assertEquals(
        "[3,\"x\",false,null]", CanonicalJson.write(java.util.Arrays.asList(3L, "x", false, null)));
    assertEquals(
        "\"2026-11-23T08:00:00.000001Z\"",
        CanonicalJson.write(Instant.parse("2026-11-23T08:00:00.000001Z")));
    assertEquals("\"FACT_CHECKER\"", CanonicalJson.write(org.claimdesk.identity.Role.FACT_CHECKER));
  }

  @Test
  void textIsEscapedTheJsonWayAndUnicodeStaysReadable() {
    assertEquals("\"„Größe“ \\\"q\\\" \\\\ \\n\\t\"", CanonicalJson.write("„Größe“ \"q\" \\ \n\t"));
  }

  @Test
  void theSameContentAlwaysGivesTheSameText() {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("x", List.of("b", "a"));
    one.put("y", 2);
    Map<String, Object> two = new LinkedHashMap<>();
    two.put("y", 2);
    two.put("x", List.of("b", "a"));
    assertEquals(CanonicalJson.write(one), CanonicalJson.write(two));
  }

  @Test
  void fractionsAndUnknownTypesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(1.5));
    assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new Object()));
  }
}
