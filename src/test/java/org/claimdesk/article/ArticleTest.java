package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.claimdesk.article.text.Removal;
import org.claimdesk.article.text.RemovedPart;
import org.claimdesk.platform.Sha256;
import org.junit.jupiter.api.Test;

class ArticleTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  static final String TEXT = "Erster Absatz mit 12 Zahlen.\n\nZweiter Absatz, sagte er.";

  static Article article(String text, List<RemovedPart> removed) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new Article(
        new Article.Received(bytes, "text/plain", "a.txt", "UTF-8", null, null),
        new Article.Metadata("Titel", " ", null, null, null, "DE"),
        text,
        removed,
        "lena",
        NOW);
  }

  @Test
  void keepsTheOriginalWithItsHashAndStartsAtRevisionOne() {
    Article a = article(TEXT, List.of());
    assertEquals(Sha256.hex(TEXT.getBytes(StandardCharsets.UTF_8)), a.sha256());
    assertEquals(1, a.current().number());
    assertEquals(TEXT, a.text());
    assertEquals("de", a.language(), "language codes are lower-cased");
    assertTrue(a.outlet().isEmpty(), "a blank outlet is no outlet");
  }

  @Test
  void paragraphsCarryTheirExactOffsets() {
    Article a = article(TEXT, List.of());
    for (ArticleRevision.Paragraph p : a.current().paragraphs()) {
      assertEquals(p.text(), a.text().substring(p.start(), p.end()));
    }
    assertEquals(2, a.current().paragraphs().size());
  }

  @Test
  void metadataIsValidated() {
    Article a = article(TEXT, List.of());
    assertThrows(
        IllegalArgumentException.class,
        () -> a.apply(new Article.Metadata(" ", null, null, null, null, "de")));
    assertThrows(
        IllegalArgumentException.class,
        () -> a.apply(new Article.Metadata("T", null, null, null, null, "deutsch")));
  }

  @Test
  void aCorrectionIsANewRevisionAndTheOldOneStaysExact() {
    Article a = article(TEXT, List.of());
    ArticleRevision second = a.revise(TEXT.replace("12", "21"), List.of(), "jonas", NOW, "Zahl");
    assertEquals(2, second.number());
    assertEquals(2, a.current().number());
    assertEquals("12", a.revision(1).quote(18, 20));
    assertEquals("21", a.current().quote(18, 20));
    assertThrows(
        IllegalArgumentException.class,
        () -> a.revise(TEXT.replace("12", "21"), List.of(), "x", NOW, null));
    assertThrows(IllegalArgumentException.class, () -> a.revision(3));
  }

  @Test
  void spansOutsideTheTextAreRefused() {
    ArticleRevision r = article(TEXT, List.of()).current();
    assertThrows(IllegalArgumentException.class, () -> r.quote(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> r.quote(5, 5));
    assertThrows(IllegalArgumentException.class, () -> r.quote(0, TEXT.length() + 1));
  }

  @Test
  void aRemovedPartIsRestoredWhereItStood() {
    int second = TEXT.indexOf("Zweiter");
    var removed =
        List.of(
            new RemovedPart(second, "Siehe auch: etwas anderes", Removal.SEE_ALSO),
            new RemovedPart(TEXT.length(), "Schreibe einen Kommentar", Removal.COMMENT_FORM));
    Article a = article(TEXT, removed);
    ArticleRevision.Restored restored = a.current().restoring(0);
    assertEquals(
        "Erster Absatz mit 12 Zahlen.\n\nSiehe auch: etwas anderes\n\nZweiter Absatz, sagte er.",
        restored.text());
    assertEquals(1, restored.removed().size());
    RemovedPart rest = restored.removed().get(0);
    assertEquals(restored.text().length(), rest.at(), "later parts move with the text");
    assertEquals(
        Removal.COMMENT_FORM,
        a.revise(restored.text(), restored.removed(), "lena", NOW, null).removed().get(0).reason());
  }
}
