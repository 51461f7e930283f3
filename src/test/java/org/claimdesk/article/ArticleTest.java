package org.claimdesk.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static Article.Received received(String text) {
    return new Article.Received(
        text.getBytes(StandardCharsets.UTF_8), "text/plain", "Titel", null, null, "de", null);
  }

  @Test
  void theOriginalIsKeptByteForByteWithItsSha256() {
    byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
    Article article =
        new Article(
            new Article.Received(bytes, "text/plain", "T", null, null, "en", null),
            "abc",
            "lena",
            NOW);
    // the well-known SHA-256 test vector of "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", article.sha256());
    assertArrayEquals(bytes, article.original());
    assertNotSame(article.original(), article.original());
  }

  @Test
  void paragraphsAreTheNonBlankLinesOfTheReadingText() {
    String text = "Erster Absatz mit „Zitat“.\n\n  Zweiter Absatz – Größe.\nDritter\n   \n";
    Article article = new Article(received(text), text, "lena", NOW);
    assertEquals(
        List.of("Erster Absatz mit „Zitat“.", "Zweiter Absatz – Größe.", "Dritter"),
        article.paragraphs());
  }

  @Test
  void anArticleNeedsTitleLanguageAndText() {
    assertThrows(
        IllegalArgumentException.class, () -> new Article(received("x"), " ", "lena", NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Article(
                new Article.Received(new byte[1], "text/plain", "", null, null, "de", null),
                "x",
                "lena",
                NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Article(
                new Article.Received(new byte[1], "text/plain", "T", null, null, " ", null),
                "x",
                "lena",
                NOW));
  }
}
