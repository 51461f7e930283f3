package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Headline, byline, date and address from what a page says about itself. */
class PageMetadataTest {

  private static final String BODY =
      "<article><p>The council approved the budget on Tuesday, after a long debate.</p></article>";

  @Test
  void jsonLdAloneGivesHeadlineAuthorDateAndAddress() {
    String ld =
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
            + "\"@type\":\"NewsArticle\",\"headline\":\"Council approves budget\","
            + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
            + "{\"@type\":\"Person\",\"name\":\"Bo Chan\"}],"
            + "\"datePublished\":\"2024-03-05T18:00:00+01:00\","
            + "\"mainEntityOfPage\":{\"@id\":\"https://news.example/budget\"}}</script>";
    Hints hints = hints("<head>" + ld + "</head><body>" + BODY + "</body>");
    assertEquals("Council approves budget", hints.title());
    assertEquals("Ann Lee, Bo Chan", hints.author());
    assertEquals(LocalDate.of(2024, 3, 5), hints.published());
    assertEquals("https://news.example/budget", hints.canonicalUrl());
  }

  @Test
  void datePublishedInTheBodyWinsOverOtherTimes() {
    String body =
        "<body><aside><time datetime='2020-01-01'>old teaser</time></aside><article>"
            + "<span itemprop='datePublished' content='2024-03-05'>5 March</span>"
            + BODY.replace("<article>", "")
            + "</body>";
    assertEquals(LocalDate.of(2024, 3, 5), hints(body).published());
  }

  @Test
  void bylineLosesItsPrefixAndWhatFollowsASeparator() {
    Hints hints = hints("<body><div class='byline'>By Jo Reporter | 4 min read</div>" + BODY);
    assertEquals("Jo Reporter", hints.author());
  }

  @Test
  void overLongAuthorListIsCutAfterItsLastWholeName() {
    String names =
        IntStream.range(0, 30)
            .mapToObj(i -> "Reporter Number" + i)
            .collect(Collectors.joining(", "));
    Hints hints = hints("<head><meta name='author' content='" + names + "'></head><body>" + BODY);
    assertTrue(hints.author().length() <= 200, hints.author());
    assertTrue(hints.author().startsWith("Reporter Number0, Reporter Number1, "));
    assertTrue(names.startsWith(hints.author() + ", "), "ends on a whole name");
  }

  @Test
  void authorThatIsNoNameIsDroppedNotARefusal() {
    String wall = "x".repeat(300);
    assertNull(
        hints("<head><meta name='author' content='" + wall + "'></head><body>" + BODY).author());
    assertNull(
        hints("<head><meta name='author' content='https://news.example/ann'></head>" + BODY)
            .author());
    assertNull(
        hints("<head><meta name='author' content='ann@news.example'></head>" + BODY).author());
  }

  @Test
  void siteNameTooLongToStoreIsLeftOut() {
    String site = "Site ".repeat(50);
    Hints hints =
        hints("<head><meta property='og:site_name' content='" + site + "'></head><body>" + BODY);
    assertNull(hints.outlet());
  }

  private static Hints hints(String html) {
    byte[] bytes = ("<html>" + html + "</html>").getBytes(StandardCharsets.UTF_8);
    return ArticleText.extract(new RawArticle(bytes, "page.html", null, null, null)).hints();
  }
}
