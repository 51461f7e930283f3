package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** HTML pages: only the article body survives, page furniture is listed, metadata becomes hints. */
class WebPageTextTest {

  private static final String URL = "https://tagesblick.example/politik/kiew-drohnen-123.html?x=1";

  @Test
  void hostileGermanPageGivesOnlyTheArticleBody() throws IOException {
    Extracted e =
        ArticleText.extract(
            new RawArticle(fixture("hostile-de.html"), null, "text/html", URL, null));
    assertEquals(
        List.of(
            "Die ukrainische Hauptstadt ist in der Nacht zum Freitag erneut mit Drohnen angegriffen"
                + " worden. Nach Angaben der Stadtverwaltung wurden mindestens zwölf Drohnen"
                + " abgefangen.",
            "„Die Luftabwehr hat die Lage unter Kontrolle“, sagte Bürgermeister Vitali Klitschko"
                + " am Morgen.",
            "Verletzt wurde nach ersten Angaben niemand.",
            "Angriffe auch im Osten",
            "Auch aus der Region Charkiw wurden Angriffe gemeldet. Die Behörden sprachen von"
                + " Schäden an mehreren Wohnhäusern und einer Schule.",
            "Die Angriffe dauerten nach Angaben des Militärs rund drei Stunden."),
        SeedArticlesTextTest.paragraphs(e));
    assertEquals("text/html", e.mediaType());
  }

  @Test
  void nothingOfScriptsHandlersCommentsOrChromeSurvives() throws IOException {
    Extracted e =
        ArticleText.extract(new RawArticle(fixture("hostile-de.html"), null, null, URL, null));
    String everything =
        e.text() + e.removed().stream().map(RemovedPart::text).collect(Collectors.joining(" "));
    for (String leak :
        List.of(
            "INJECTED",
            "Tracker",
            "STYLE TEXT",
            "ONLOAD",
            "ONERROR",
            "ALT TEXT",
            "steal",
            "alert",
            "javascript",
            "SCRIPT IM ARTIKEL",
            "NOSCRIPT",
            "GEHEIMER",
            "evil",
            "SIDEBAR",
            "Impressum",
            "Wirtschaft",
            "Dein Kommentar")) {
      assertFalse(everything.contains(leak), "leaked: " + leak);
    }
  }

  @Test
  void furnitureInsideTheArticleIsListedWithItsReason() throws IOException {
    Extracted e =
        ArticleText.extract(new RawArticle(fixture("hostile-de.html"), null, null, URL, null));
    Map<Removal, List<String>> byReason =
        e.removed().stream()
            .collect(
                Collectors.groupingBy(
                    RemovedPart::reason,
                    Collectors.mapping(RemovedPart::text, Collectors.toList())));
    assertEquals(List.of("Kiew meldet neue Drohnenangriffe"), byReason.get(Removal.TITLE));
    assertEquals(List.of("Von Anna Beispiel, Kiew", "21. Juni 2024"), byReason.get(Removal.BYLINE));
    assertEquals(List.of("Facebook X E-Mail"), byReason.get(Removal.SHARE_LINKS));
    assertEquals(
        List.of("Rauch über Kiew am Freitag. Foto: AFP / Max Muster"),
        byReason.get(Removal.PHOTO_CREDIT).subList(0, 1));
    assertEquals(2, byReason.get(Removal.ADVERTISEMENT).size(), "Anzeige and the ad slot");
    assertTrue(byReason.get(Removal.SEE_ALSO).get(0).startsWith("Lesen Sie auch"));
    assertTrue(byReason.get(Removal.SEE_ALSO).get(1).startsWith("Mehr zum Thema"));
    assertTrue(byReason.get(Removal.NEWSLETTER).get(0).contains("Newsletter abonnieren"));
    assertTrue(byReason.get(Removal.COMMENT_FORM).get(0).startsWith("Kommentare"));
    for (RemovedPart part : e.removed()) {
      assertTrue(
          part.at() == 0
              || part.at() == e.text().length()
              || e.text().startsWith("\n\n", part.at() - 2),
          part.toString());
    }
    RemovedPart lesenSieAuch =
        e.removed().stream()
            .filter(p -> p.text().startsWith("Lesen Sie auch"))
            .findFirst()
            .orElseThrow();
    assertTrue(e.text().substring(lesenSieAuch.at()).startsWith("Die Angriffe dauerten"));
  }

  @Test
  void metadataOfTheGermanPageBecomesHints() throws IOException {
    Hints hints =
        ArticleText.extract(new RawArticle(fixture("hostile-de.html"), null, null, URL, null))
            .hints();
    assertEquals(
        new Hints(
            "Kiew meldet neue Drohnenangriffe",
            "Anna Beispiel",
            "Tagesblick",
            "https://tagesblick.example/politik/kiew-drohnen-123.html",
            LocalDate.of(2024, 6, 21),
            "de"),
        hints);
  }

  @Test
  void englishPageWithoutArticleElementIsFoundByItsProse() throws IOException {
    Extracted e =
        ArticleText.extract(new RawArticle(fixture("page-en.html"), "page.html", null, null, null));
    assertEquals(
        List.of(
            "The Senate passed the infrastructure bill on Saturday by a vote of 69 to 30, sending"
                + " it back to the House.",
            "\"This is a historic day for the country,\" the majority leader said after the vote,"
                + " adding that work on the details would continue.",
            "The bill includes money for roads, bridges, rail and broadband, according to a"
                + " summary released by the committee."),
        SeedArticlesTextTest.paragraphs(e));
    assertEquals(
        List.of(
            Removal.TITLE,
            Removal.BYLINE,
            Removal.ADVERTISEMENT,
            Removal.NEWSLETTER,
            Removal.SEE_ALSO),
        e.removed().stream().map(RemovedPart::reason).toList());
    Hints hints = e.hints();
    assertEquals("Senate passes infrastructure bill", hints.title(), "site name cut off");
    assertEquals("The Daily Ledger", hints.outlet());
    assertEquals("Jo Reporter", hints.author(), "from the byline: the author URL is no name");
    assertEquals("https://dailyledger.example/politics/senate-bill", hints.canonicalUrl());
    assertEquals(LocalDate.of(2023, 11, 4), hints.published());
    assertEquals("en", hints.language());
  }

  @Test
  void lineBreakInsideAParagraphJoinsLikeAHardLineBreak() {
    String html =
        "<html><body><article><p>Der Vertrag wurde am 15.<br>August unterzeichnet, wie das"
            + " Ministerium mitteilte.</p><p>Zweiter Absatz mit <em>betontem</em> Wort"
            + " und <a href='/x'>Link</a>.</p></article></body></html>";
    Extracted e = ArticleText.extract(new RawArticle(bytes(html), "a.html", null, null, null));
    assertEquals(
        "Der Vertrag wurde am 15. August unterzeichnet, wie das Ministerium mitteilte.\n\n"
            + "Zweiter Absatz mit betontem Wort und Link.",
        e.text());
  }

  @Test
  void nonBreakingAndZeroWidthCharactersAreNormalised() {
    String html = "<p>Zwölf&nbsp;Drohnen wur&shy;den ab\u200Bgefangen.\u00A0 \u202FEnde.</p>";
    Extracted e = ArticleText.extract(new RawArticle(bytes(html), "a.html", null, null, null));
    assertEquals("Zwölf Drohnen wurden abgefangen. Ende.", e.text());
  }

  @Test
  void pageWithOnlyFurnitureIsEmpty() {
    String html =
        "<html><body><nav><a href='/'>Start</a></nav><footer>Impressum</footer></body></html>";
    UnreadableArticle error =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnreadableArticle.class,
            () -> ArticleText.extract(new RawArticle(bytes(html), "a.html", null, null, null)));
    assertEquals(UnreadableArticle.Kind.EMPTY, error.kind());
  }

  @Test
  void fiveMegabytePageExtractsInUnderAFewSeconds() {
    StringBuilder html = new StringBuilder("<html><body><nav>Menü</nav><article>");
    String paragraph =
        "<p>Die Regierung hat am Montag neue Zahlen vorgelegt, die <b>deutlich</b> über den"
            + " Erwartungen liegen, sagte ein Sprecher. <a href='/x'>Mehr</a></p>\n"
            + "<div class='teaser'><a href='/y'>Siehe auch: Etwas anderes</a></div>\n";
    while (html.length() < 5_000_000) {
      html.append(paragraph);
    }
    html.append("<p>").append("a/".repeat(5000)).append("</p></article></body></html>");
    byte[] page = bytes(html.toString());
    // A guard against runaway work (backtracking, quadratic joins), not a speed target: about 1 s
    // warm here, 3 to 4 s on a busy 2-core machine; the limit leaves room for a loaded CI host.
    // Warm up as a running server is: the first call pays for class loading and the JIT.
    ArticleText.extract(
        new RawArticle(Arrays.copyOf(page, 300_000), "warm.html", null, null, null));
    Extracted e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> ArticleText.extract(new RawArticle(page, "big.html", null, null, null)));
    assertTrue(e.text().length() > 2_000_000);
  }

  private static byte[] bytes(String html) {
    return html.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = WebPageTextTest.class.getResourceAsStream("/article/" + name)) {
      return in.readAllBytes();
    }
  }
}
