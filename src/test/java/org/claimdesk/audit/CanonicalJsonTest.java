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
  void everyCharacterIsEscapedAsTheJsonLibraryDoes() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String text = "a" + (char) c + "b" + (char) c;
      StringBuilder out = new StringBuilder();
      CanonicalJson.appendString(out, text);
      assertEquals(CanonicalJson.write(text), out.toString(), "U+" + Integer.toHexString(c));
    }
  }

  /** The event writes its fields itself, for speed; the text must stay what the map gives. */
  @Test
  void anEventsCanonicalFormIsTheCanonicalJsonOfItsFields() {
    String awkward = "„Größe“ \"q\" \\ / \n\t\r\b\f \u0000\u001f\u007f\u2028 😀 </script>";
    List<AuditEvent.Content> contents = new java.util.ArrayList<>();
    for (long seq = 1; seq <= 60; seq++) {
      contents.add(ChainFixture.content(seq));
    }
    contents.add(
        new AuditEvent.Content(
            Instant.parse("2026-11-23T08:00:00.000001Z"),
            awkward,
            "",
            "a",
            awkward,
            awkward,
            Long.MIN_VALUE,
            0L,
            "{\"x\":{\"after\":\"" + awkward.replace("\"", "\\\"") + "\",\"before\":null}}",
            awkward,
            awkward,
            awkward));
    for (AuditEvent.Content c : contents) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("seq", Long.MAX_VALUE);
      fields.put("requestId", c.requestId());
      fields.put("reason", c.reason());
      fields.put("occurredAt", c.occurredAt());
      fields.put("entityVersion", c.entityVersion());
      fields.put("entityType", c.entityType());
      fields.put("entityId", c.entityId());
      fields.put("clientAddress", c.clientAddress());
      fields.put("changes", c.changes());
      fields.put("caseId", c.caseId());
      fields.put("actorRoles", c.actorRoles());
      fields.put("actor", c.actor());
      fields.put("action", c.action());
      assertEquals(CanonicalJson.write(fields), AuditEvent.canonical(Long.MAX_VALUE, c));
    }
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
