package org.claimdesk.article.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which part of a page is the article: never comments, comment forms, teasers or paywalls. */
class MainContentTest {

  private static final String STORY =
      "<h1>Council approves the new budget</h1>"
          + "<p>The city council approved the budget on Tuesday, after a debate that lasted"
          + " late into the night.</p>"
          + "<p>The mayor said the plan would fund schools, roads and the fire service, and"
          + " that taxes would not rise this year.</p>"
          + "<p>Opposition members voted against it, saying the figures were too optimistic.</p>";

  private static final String LONG =
      " This is a long paragraph of text, written at length, with commas, clauses, and more"
          + " words than any of the story's paragraphs, so that size alone would pick it.";

  @Test
  void commentThreadOfArticleElementsNeverWinsOverTheStory() {
    String comments =
        "<section class='comments'>"
            + ("<article><p>Reader comment." + LONG + LONG + "</p></article>").repeat(3)
            + "</section>";
    Extracted e = extract("<div class='story-body'>" + STORY + "</div>" + comments);
    assertStoryOnly(e);
  }

  @Test
  void commentFormNeverWins() {
    String form =
        "<main><div id='respond'><h3>Leave a reply</h3><p>Your email address will not be"
            + " published."
            + LONG
            + LONG
            + LONG
            + "</p></div></main>";
    Extracted e = extract("<div class='entry'>" + STORY + "</div>" + form);
    assertStoryOnly(e);
  }

  @Test
  void teaserArticlesNeverWin() {
    String teasers =
        "<div class='teaser-list'>"
            + ("<article class='teaser'><p>Another story." + LONG + LONG + "</p></article>")
                .repeat(4)
            + "</div>";
    Extracted e = extract("<div id='content'>" + STORY + "</div>" + teasers);
    assertStoryOnly(e);
  }

  @Test
  void paywallBoxNeverWins() {
    String paywall =
        "<article class='paywall'><p>Subscribe now to read on."
            + LONG
            + LONG
            + LONG
            + "</p></article>";
    Extracted e = extract("<div class='text'>" + STORY + "</div>" + paywall);
    assertStoryOnly(e);
  }

  @Test
  void markupHoldingTooLittleOfThePageLosesToTheProse() {
    String main = "<main><p>A short introduction to this page, nothing more.</p></main>";
    Extracted e = extract(main + "<div class='column'>" + STORY + "</div>");
    assertStoryOnly(e);
  }

  @Test
  void listOfLinksInsideTheArticleIsRemovedAndKept() {
    String html =
        "<article>"
            + STORY
            + "<ul><li><a href='/a'>Budget: what changes for you</a></li>"
            + "<li><a href='/b'>The mayor's first year in office</a></li></ul>"
            + "<ul><li>Schools get <a href='/s'>more money</a> than last year, by far.</li>"
            + "<li>Roads are repaired in every district of the city.</li></ul>"
            + "</article>";
    Extracted e = extract(html);
    assertFalse(e.text().contains("what changes for you"), e.text());
    assertTrue(e.text().contains("Schools get more money"), "a list of prose with a link stays");
    RemovedPart links =
        e.removed().stream().filter(p -> p.text().contains("what changes")).findFirst().get();
    assertEquals(Removal.SEE_ALSO, links.reason());
    assertEquals("Budget: what changes for you The mayor's first year in office", links.text());
  }

  @Test
  void classThatNamesTheContentWinsOverAFurnitureWordInIt() {
    // "read-more" and "pagination" would make it a teaser or navigation on their own
    Extracted e =
        extract(
            "<div class='entry-content read-more pagination-first'>"
                + STORY
                + "<p>"
                + LONG
                + LONG
                + LONG
                + "</p></div><div class='teaser'><p>Another story."
                + LONG
                + "</p></div>");
    assertTrue(e.text().startsWith("The city council approved the budget"), e.text());
    assertFalse(e.text().contains("Another story"));
  }

  @Test
  void negatedClassIsNoFurniture() {
    Extracted e = extract("<section class='non-ad-column'>" + STORY + "</section>");
    assertStoryOnly(e);
    assertEquals(java.util.Optional.of(Removal.ADVERTISEMENT), Boilerplate.ofTokens("ad-slot"));
    assertEquals(java.util.Optional.empty(), Boilerplate.ofTokens("non-ad-column"));
  }

  @Test
  void paywallClassAroundTheStoryIsItsLockedPartNotABox() {
    String locked = "<p>The locked part goes on." + LONG + LONG + LONG + LONG + "</p>";
    Extracted e =
        extract(
            "<article>"
                + STORY
                + "<div class='paywall'>"
                + locked
                + "</div><div class='paywall'><p>Subscribe to read on.</p></div></article>");
    assertTrue(e.text().contains("The locked part goes on."), e.text());
    assertFalse(e.text().contains("Subscribe to read on"));
    assertEquals(
        List.of(Removal.TITLE, Removal.PAYWALL),
        e.removed().stream().map(RemovedPart::reason).toList());
  }

  @Test
  void textWithoutParagraphElementsCountsAsProse() {
    String br =
        "<div itemprop='articleBody'>The council approved the budget on Tuesday, after a long"
            + " debate.<br><br>The mayor said taxes would not rise this year, and schools would"
            + " get more money.</div>";
    Extracted e = extract("<div class='sidebar'><p>Short.</p></div>" + br);
    assertEquals(
        List.of(
            "The council approved the budget on Tuesday, after a long debate.",
            "The mayor said taxes would not rise this year, and schools would get more money."),
        SeedArticlesTextTest.paragraphs(e));
  }

  @Test
  void firstHeadlineIsTheTitleEvenWhenTheMetadataSaysOtherwise() {
    Extracted e =
        extract(
            "<article><h1>Budget passes after long night</h1>"
                + STORY.replace("<h1>Council approves the new budget</h1>", "")
                + "</article>");
    assertEquals(Removal.TITLE, e.removed().get(0).reason());
    assertEquals("Budget passes after long night", e.removed().get(0).text());
  }

  @Test
  void standaloneDateLinesAndPaywallPromptsAreBoilerplate() {
    for (String line :
        List.of(
            "Published 18 November 2019",
            "Updated at 1:23 p.m.",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
            "November 19, 2019",
            "Veröffentlicht am 18.11.2019 um 10:48 Uhr",
            "Stand: 19.11.2019")) {
      assertEquals(java.util.Optional.of(Removal.BYLINE), Boilerplate.of(line, 5), line);
    }
    assertEquals(
        java.util.Optional.of(Removal.PAYWALL), Boilerplate.of("To Read the Full Story", 9));
    for (String prose :
        List.of(
            "Updated figures show 5 deaths.",
            "Published in 2019, the report found that 40 percent of roads need repair.",
            "Stand der Ermittlungen: 3 Verletzte.")) {
      assertEquals(java.util.Optional.empty(), Boilerplate.of(prose, 5), prose);
    }
  }

  private static void assertStoryOnly(Extracted e) {
    assertEquals(
        List.of(
            "The city council approved the budget on Tuesday, after a debate that lasted late"
                + " into the night.",
            "The mayor said the plan would fund schools, roads and the fire service, and that"
                + " taxes would not rise this year.",
            "Opposition members voted against it, saying the figures were too optimistic."),
        SeedArticlesTextTest.paragraphs(e));
  }

  private static Extracted extract(String body) {
    String html =
        "<html><head><title>Council approves the new budget</title></head><body>"
            + body
            + "</body></html>";
    return ArticleText.extract(
        new RawArticle(html.getBytes(StandardCharsets.UTF_8), "page.html", null, null, null));
  }
}
