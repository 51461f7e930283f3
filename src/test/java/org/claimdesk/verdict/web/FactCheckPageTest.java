package org.claimdesk.verdict.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two places the pages write markup of their own: citations and the JSON-LD. */
class FactCheckPageTest {
  @Test
  void citationsBecomeLinksAndEverythingElseIsEscaped() {
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; laut [<a href=\"#E1\">E1</a>, <a"
            + " href=\"#E2\">E2</a>] &amp; [<a href=\"#E3\">E3</a>]<br/>x",
        CitationLinks.linked("<script>alert(1)</script> laut [E1, E2] & [E3]\nx", ""));
    assertEquals(
        "[<a href=\"#E1\">E1</a>]&lt;img src=x onerror=alert(1)&gt;",
        CitationLinks.linked("[E1]<img src=x onerror=alert(1)>", ""));
    assertEquals(
        List.of("see [<a href=\"#evidence-E2\">E2</a>]", "and &lt;b&gt;"),
        CitationLinks.paragraphs("see [E2]\n \nand <b>", "evidence-"),
        "the case page links to its evidence list");
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
