package org.claimdesk.verdict.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The two places the public page writes markup of its own: citations and the JSON-LD. */
class FactCheckPageTest {
  @Test
  void citationsBecomeLinksAndEverythingElseIsEscaped() {
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; laut [<a href=\"#E1\">E1</a>, <a"
            + " href=\"#E2\">E2</a>] &amp; [<a href=\"#E3\">E3</a>]<br/>x",
        FactCheckPage.linkCitations("<script>alert(1)</script> laut [E1, E2] & [E3]\nx"));
    assertEquals(
        "[<a href=\"#E1\">E1</a>]&lt;img src=x onerror=alert(1)&gt;",
        FactCheckPage.linkCitations("[E1]<img src=x onerror=alert(1)>"));
  }

  @Test
  void theJsonLdCannotEndItsScriptElement() {
    JsonObject hostile =
        Json.createObjectBuilder()
            .add("claimReviewed", "</script><script>alert(1)</script><!--")
            .build();
    String safe = FactCheckPage.scriptSafe(hostile.toString());
    assertFalse(safe.contains("<"), safe);
    assertEquals(
        hostile, Json.createReader(new StringReader(safe)).readObject(), "the same JSON when read");
  }
}
