package org.claimdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebAddressTest {

  @Test
  void onlyAbsoluteHttpAndHttpsAddressesPass() {
    assertEquals(
        "https://example.org/a?b=1", WebAddress.checked(" https://example.org/a?b=1 ", "url"));
    assertEquals("HTTP://Example.org", WebAddress.checked("HTTP://Example.org", "url"));
    assertNull(WebAddress.checked("  ", "url"), "blank is no address");
    for (String bad :
        new String[] {
          "javascript:alert(1)",
          " JavaScript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "vbscript:msgbox(1)",
          "file:///etc/passwd",
          "ftp://example.org/",
          "//example.org/a",
          "/relative",
          "https://",
          "http:example.org",
          "no address"
        }) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> WebAddress.checked(bad, "url"), bad);
      assertTrue(refused.getMessage().startsWith("url "), refused.getMessage());
      assertEquals(Optional.empty(), WebAddress.linkable(bad), bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> WebAddress.checked("https://example.org/" + "a".repeat(WebAddress.LONGEST), "url"));
  }
}
