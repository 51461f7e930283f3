package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.claimdesk.testing.Browser;
import org.claimdesk.testing.SchemaOrg;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * A seed claim from case to published fact-check and its correction, as the people do it: the
 * supervisor assigns the demo fact-checker, who researches, proposes a verdict citing [E1] and
 * submits; the supervisor sends it back, the fact-checker revises; the supervisor approves and
 * publishes; a logged-out reader reads the public page and its ClaimReview. Then a correction: a
 * supervisor who edits the text can no longer approve it, a second supervisor does, and the
 * republished page shows the public note and the earlier version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerdictBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;
  static final String QUOTE =
      "Von Nordkorea hat mindestens 10.000 Container nach Russland geliefert";
  static final String STATEMENT =
      "Nordkorea hat mindestens 10.000 Container nach Russland geliefert";

  @ArquillianResource URL deployment;

  @Test
  void aSeedClaimIsProposedSentBackRevisedApprovedPublishedReadByThePublicAndCorrected() {
    Api api = Api.at(deployment);
    URI base = api.base();
    String checkerToken = api.sharedToken("factchecker");
    String marker = UUID.randomUUID().toString().substring(0, 6);
    // its own claim of the seed sentence, so that no other test shares the case
    long caseId =
        openCase(api, api.sharedToken("supervisor"), seedClaim(api, checkerToken), marker);
    String informant = "Informant " + marker;
    long secretSource =
        created(
            api.post(
                "api/sources",
                checkerToken,
                Json.createObjectBuilder()
                    .add("name", informant)
                    .add("kind", "person")
                    .add("confidential", true)
                    .build()
                    .toString()));
    String page = "cases/view.xhtml?id=" + caseId;
    String note = "Das Ministerium hat die Zahl inzwischen korrigiert.";
    String slug;

    try (DeskBrowser supervisor = DeskBrowser.open(base, "de");
        DeskBrowser checker = DeskBrowser.open(base, "en")) {
      supervisor.signInOnce("supervisor", PASSWORD, "index.xhtml");
      supervisor.go(page);
      assertTrue(supervisor.present("no-verdict"), "no verdict before research");
      supervisor.driver.findElement(By.xpath("//label[normalize-space()='factchecker']")).click();
      supervisor.clickAndWaitForNewPage(By.id("assign:save-assignees"));
      supervisor.waitForInfoMessage(msg("de", "case.saved"));
      assertEquals(
          msg("de", "case.status.NEW"), status(supervisor), "assigning does not start research");

      // research: E1 in the form, E2 from a confidential informant over the API
      checker.signInOnce("factchecker", PASSWORD, "index.xhtml");
      checker.go(page);
      assertFalse(checker.present("verdict-form"), "no verdict before research starts");
      step(checker, "start-research");
      assertEquals(msg("en", "case.status.IN_RESEARCH"), status(checker));
      addEvidence(
          checker,
          "Refutes",
          "Satellitenbilder des Hafens Rajin zeigen im August kaum Containerverkehr.",
          "https://example.org/rajin-" + marker);
      created(
          api.post(
              "api/cases/" + caseId + "/evidence",
              checkerToken,
              Json.createObjectBuilder()
                  .add("kind", "EXPERT_INTERVIEW")
                  .add("stance", "CONTEXT")
                  .add("summary", "Ein Hafenarbeiter schätzt die Zahl der Container.")
                  .add("sourceId", secretSource)
                  .build()
                  .toString()));
      checker.go(page);

      fillVerdict(
          checker,
          "Unbelegt",
          "Für die Zahl von 10.000 Containern gibt es keinen öffentlichen Beleg.",
          "Südkoreas Verteidigungsminister nannte die Zahl ohne Quelle.\n\n"
              + "Satellitenbilder zeigen im August kaum Verkehr [E1].");
      checker.clickAndWaitForNewPage(By.id("verdict-form:save-verdict"));
      checker.waitForInfoMessage(msg("en", "verdict.proposed"));
      assertEquals("Unbelegt", checker.text(By.cssSelector("#verdict-rating strong")));
      step(checker, "submit");
      assertEquals(msg("en", "case.status.IN_REVIEW"), status(checker));
      assertFalse(checker.present("verdict-form"), "in review the text is frozen");
      assertTrue(actions(checker).isEmpty(), "a fact-checker has no step in review");
      // what reviewers approve does not move under them: the cited item is locked, and says why
      assertEquals(
          msg("en", "evidence.locked"),
          checker.text(By.cssSelector("#evidence-E1 .evidence-locked")));
      assertTrue(
          checker.driver.findElements(By.cssSelector("#evidence-E1 button[id$=':edit']")).isEmpty(),
          "no edit button on a cited item in review");

      // the supervisor sends it back with a comment that the review history keeps
      String sendBack = "Die Bilder widerlegen die Zahl eher – bitte die Bewertung prüfen.";
      supervisor.go(page);
      assertEquals(List.of("approve", "request-changes"), actions(supervisor));
      String remark = "Welche Quelle nennt das Ministerium selbst?";
      supervisor.visible("review-comment:passage").sendKeys("nannte die Zahl ohne Quelle");
      supervisor.visible("review-comment:remark").sendKeys(remark);
      supervisor.clickAndWaitForNewPage(By.id("review-comment:write-comment"));
      supervisor.waitForInfoMessage(msg("de", "verdict.commented"));
      supervisor.visible("steps:step-comment").sendKeys(sendBack);
      step(supervisor, "request-changes");
      String history = supervisor.text("review-entries");
      assertTrue(
          history.contains(msg("de", "verdict.entry.SENT_BACK")) && history.contains(sendBack),
          history);
      assertEquals(
          "nannte die Zahl ohne Quelle",
          supervisor.text(By.cssSelector("#review-entries .review-comment blockquote")));
      assertTrue(history.contains(remark), history);

      // the fact-checker finds it in the inbox, revises and resubmits; the versions show the diff
      checker.go("inbox/index.xhtml");
      assertEquals(
          msg("en", "inbox.kind.CHANGES_REQUESTED"),
          checker.text(By.cssSelector("#inbox-table tr[data-case='" + caseId + "'] .inbox-kind")));
      checker.go(page);
      assertTrue(checker.text("review-entries").contains(sendBack));
      fillVerdict(
          checker,
          "Größtenteils falsch",
          "Die Zahl von 10.000 Containern ist nicht belegt; Satellitenbilder sprechen dagegen.",
          "Südkoreas Verteidigungsminister nannte die Zahl ohne Quelle.\n\n"
              + "Satellitenbilder des Hafens Rajin zeigen im August kaum Containerverkehr [E1];"
              + " ein Hafenarbeiter schätzt die Zahl weit kleiner [E2].");
      checker.clickAndWaitForNewPage(By.id("verdict-form:save-verdict"));
      checker.waitForInfoMessage(msg("en", "verdict.revised"));
      List<String> inserted = words(checker, "#verdict-versions .word-diff ins");
      List<String> deleted = words(checker, "#verdict-versions .word-diff del");
      assertTrue(inserted.contains("Rajin") && inserted.contains("dagegen."), "ins " + inserted);
      assertTrue(deleted.contains("gibt"), "del " + deleted);
      step(checker, "submit");
      checker.go(page);
      screenshotOf(checker, "verdict", "verdict-en");

      // in review: the supervisor who wrote none of it approves and publishes
      supervisor.go(page);
      assertEquals(
          "Größtenteils falsch", supervisor.text(By.cssSelector("#verdict-rating strong")));
      assertFalse(supervisor.present("four-eyes"), "this supervisor wrote nothing");
      screenshotOf(supervisor, "verdict", "verdict-review-de");
      step(supervisor, "approve");
      assertEquals(msg("de", "case.status.APPROVED"), status(supervisor));
      step(supervisor, "publish");
      assertEquals(msg("de", "case.status.PUBLISHED"), status(supervisor));
      // the link names the configured public address; here the test's server is the public one
      URI publicPage = URI.create(supervisor.visible("public-page").getDomAttribute("href"));
      slug = publicPage.getPath().substring(publicPage.getPath().lastIndexOf('/') + 1);
      assertTrue(
          publicPage.getPath().endsWith("/factchecks/" + slug) && slug.endsWith("-" + caseId),
          publicPage.toString());

      // a reader without an account
      try (DeskBrowser reader = DeskBrowser.open(base, "de")) {
        reader.go("factchecks/" + slug);
        assertEquals("factchecks/" + slug, reader.page(), "no login for the public");
        assertEquals(STATEMENT, reader.text("claim-reviewed"));
        assertTrue(reader.text("claimant").contains("Shin Won-sik"), reader.text("claimant"));
        assertEquals("Größtenteils falsch", reader.text(By.cssSelector("#rating strong")));
        assertEquals(
            "Die Zahl von 10.000 Containern ist nicht belegt; Satellitenbilder sprechen dagegen.",
            reader.text("conclusion"));
        assertTrue(reader.text("explanation").contains("Hafens Rajin"));
        String sources = reader.text("sources");
        assertTrue(sources.contains("https://example.org/rajin-" + marker), sources);
        assertTrue(sources.contains(msg("de", "public.confidentialSource")), sources);
        assertFalse(reader.driver.getPageSource().contains(informant), "confidential stays so");
        assertTrue(reader.text("appearances").contains("Russland ist bereit, Nordkorea"));
        JsonObject claimReview = claimReview(reader);
        SchemaOrg.requireValid(claimReview);
        assertEquals(
            "Größtenteils falsch",
            claimReview.getJsonObject("reviewRating").getString("alternateName"));
        assertEquals(2, claimReview.getJsonObject("reviewRating").getInt("ratingValue"));
        assertEquals(STATEMENT, claimReview.getString("claimReviewed"));
        assertFalse(claimReview.containsKey("dateModified"), "not corrected yet");
        assertFalse(reader.present("corrections"));
        reader.screenshotFullPage("factcheck-public-de");
      }

      // a correction: reopened with a reason, revised, and edited by the supervisor too
      supervisor.visible("steps:step-comment").sendKeys("Neue Angaben aus Seoul zur Zahl.");
      step(supervisor, "correct");
      assertEquals(msg("de", "case.status.IN_CORRECTION"), status(supervisor));
      checker.go(page);
      fillVerdict(
          checker,
          null,
          null,
          "Südkoreas Verteidigungsminister nannte die Zahl ohne Quelle; sein Ministerium"
              + " korrigierte sie später auf einige tausend.\n\n"
              + "Satellitenbilder des Hafens Rajin zeigen im August kaum Containerverkehr [E1];"
              + " ein Hafenarbeiter schätzt die Zahl weit kleiner [E2].");
      checker.clickAndWaitForNewPage(By.id("verdict-form:save-verdict"));
      checker.waitForInfoMessage(msg("en", "verdict.revised"));
      supervisor.go(page);
      fillVerdict(
          supervisor,
          null,
          "Die Zahl von 10.000 Containern ist nicht belegt; Satellitenbilder und das Ministerium"
              + " sprechen dagegen.",
          null);
      supervisor.clickAndWaitForNewPage(By.id("verdict-form:save-verdict"));
      supervisor.waitForInfoMessage(msg("de", "verdict.revised"));
      step(supervisor, "submit");
      assertEquals(
          List.of("request-changes"), actions(supervisor), "four eyes: who edited never approves");
      assertEquals(msg("de", "verdict.fourEyes"), supervisor.text("four-eyes"));
      screenshotOf(supervisor, "verdict", "verdict-four-eyes-de");

      try (DeskBrowser second = DeskBrowser.open(base, "en")) {
        second.signInOnce("supervisor2", PASSWORD, "index.xhtml");
        second.go(page);
        assertFalse(second.present("four-eyes"));
        step(second, "approve");
        assertEquals(msg("en", "case.status.APPROVED"), status(second));
      }

      // republishing needs the typed public note
      supervisor.go(page);
      step(supervisor, "publish", false);
      assertEquals(msg("de", "case.status.APPROVED"), status(supervisor));
      supervisor.visible("steps:step-comment").sendKeys(note);
      supervisor
          .driver
          .findElement(
              By.xpath(
                  "//*[@id='steps:correction-kind']//label[normalize-space()='"
                      + msg("de", "public.correction.UPDATE")
                      + "']"))
          .click();
      screenshotOf(supervisor, "verdict", "verdict-republish-de");
      step(supervisor, "publish");
      assertEquals(msg("de", "case.status.PUBLISHED"), status(supervisor));
      assertTrue(supervisor.text("corrections").contains(note));
    }

    try (DeskBrowser reader = DeskBrowser.open(base, "en")) {
      reader.go("factchecks/" + slug);
      String log = reader.text("corrections");
      assertTrue(log.contains(msg("en", "public.correction.UPDATE")) && log.contains(note), log);
      assertTrue(reader.text("conclusion").contains("das Ministerium"));
      assertTrue(reader.text("dates").contains(msg("en", "public.updated")));
      JsonObject claimReview = claimReview(reader);
      SchemaOrg.requireValid(claimReview);
      assertTrue(claimReview.containsKey("dateModified"), "corrected");
      reader.screenshotFullPage("factcheck-correction-en");
      reader.clickAndWaitForNewPage(By.linkText(msg("en", "public.previousVersion")));
      assertTrue(reader.present("older-version"), "the earlier version says so");
      assertEquals(
          "Die Zahl von 10.000 Containern ist nicht belegt; Satellitenbilder sprechen dagegen.",
          reader.text("conclusion"));
    }
  }

  // ---- the desk ---------------------------------------------------------------------------

  /** Takes the workflow step whose button has style class step-{action}; expects it done. */
  private static void step(DeskBrowser browser, String action) {
    step(browser, action, true);
  }

  private static void step(DeskBrowser browser, String action, boolean succeeds) {
    browser.clickAndWaitForNewPage(By.cssSelector("#steps button.step-" + action));
    if (succeeds) {
      browser.waitForInfoMessage(msg(browser.language, "verdict.step." + action));
      assertTrue(browser.driver.getCurrentUrl().endsWith("#verdict"), "back at the verdict");
    } else {
      browser.waitForErrorMessage();
    }
  }

  /** The workflow steps the page offers, in order. */
  private static List<String> actions(DeskBrowser browser) {
    return browser.driver.findElements(By.cssSelector("#steps button[class*='step-']")).stream()
        .map(b -> b.getDomAttribute("class").replaceAll(".*\\bstep-([a-z-]+).*", "$1"))
        .toList();
  }

  private static String status(DeskBrowser browser) {
    return browser.text("case-meta").split("·")[0].strip();
  }

  /** Fills the verdict form; null leaves a field as it is. */
  private static void fillVerdict(
      DeskBrowser browser, String rating, String conclusion, String explanation) {
    if (rating != null) {
      // opens the menu and picks the label until it shows: a click while the menu still slides
      // open can miss
      browser.wait.until(
          d -> {
            WebElement shown = d.findElement(By.id("verdict-form:rating_label"));
            if (rating.equals(DeskBrowser.textOf(shown))) {
              return true;
            }
            WebElement menu = d.findElement(By.id("verdict-form:rating_panel"));
            if (!menu.isDisplayed()) {
              shown.click();
            } else {
              menu.findElement(By.xpath(".//li[@data-label='" + rating + "']")).click();
            }
            return false;
          });
    }
    replace(browser, "verdict-form:claim-reviewed", STATEMENT);
    if (conclusion != null) {
      replace(browser, "verdict-form:conclusion", conclusion);
    }
    if (explanation != null) {
      replace(browser, "verdict-form:explanation", explanation);
    }
  }

  private static void replace(DeskBrowser browser, String id, String text) {
    WebElement field = browser.visible(id);
    field.clear();
    field.sendKeys(text);
  }

  /** Adds evidence through the case page's form (stance by its English label). */
  private static void addEvidence(DeskBrowser browser, String stance, String summary, String url) {
    browser
        .driver
        .findElement(
            By.xpath("//*[@id='evidence-form:stance']//label[normalize-space()='" + stance + "']"))
        .click();
    browser.visible("evidence-form:summary").sendKeys(summary);
    browser.visible("evidence-form:url").sendKeys(url);
    browser.clickAndWaitForAjax(By.id("evidence-form:save-evidence"));
    browser.waitForInfoMessage(msg("en", "evidence.added"));
    assertTrue(browser.text("evidence-E1").contains(summary));
  }

  private static List<String> words(DeskBrowser browser, String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream()
        .flatMap(e -> List.of(DeskBrowser.textOf(e).split("\\s+")).stream())
        .toList();
  }

  /** A screenshot of one part of the page, however tall: the window grows to show it whole. */
  private static void screenshotOf(DeskBrowser browser, String id, String name) {
    browser.waitForAjax();
    WebElement part = browser.visible(id);
    Dimension before = browser.driver.manage().window().getSize();
    try {
      int height = part.getRect().getHeight();
      browser.driver.manage().window().setSize(new Dimension(before.getWidth(), height + 300));
      ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", part);
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.write(
          Browser.SCREENSHOTS.resolve(name + ".png"), part.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      browser.driver.manage().window().setSize(before);
    }
  }

  // ---- the public page --------------------------------------------------------------------

  /** The ClaimReview JSON-LD in the page's head. */
  private static JsonObject claimReview(DeskBrowser reader) {
    String json =
        reader
            .driver
            .findElement(By.cssSelector("head script[type='application/ld+json']"))
            .getDomProperty("textContent");
    try (var parser = Json.createReader(new StringReader(json))) {
      return parser.readObject();
    }
  }

  // ---- material over the API --------------------------------------------------------------

  /** A new claim of the containers sentence in seed article 003; returns its id. */
  private static long seedClaim(Api api, String token) {
    for (JsonObject item : Articles.oldestFirst(api, token)) {
      long id = item.getJsonNumber("id").longValue();
      String reading = api.get("api/articles/" + id, token).object().getString("text");
      int start = reading.indexOf(QUOTE);
      if (start >= 0) {
        return created(
            api.post(
                "api/claims",
                token,
                Json.createObjectBuilder()
                    .add("articleId", id)
                    .add("start", start)
                    .add("end", start + QUOTE.length())
                    .add("statement", STATEMENT)
                    .add("claimant", "Shin Won-sik")
                    .build()
                    .toString()));
      }
    }
    throw new AssertionError("no seed article reports the containers");
  }

  private static long openCase(Api api, String token, long claimId, String marker) {
    return created(
        api.post(
            "api/cases",
            token,
            Json.createObjectBuilder()
                .add("claimId", claimId)
                .add("title", "10.000 Container? " + marker)
                .add("selectionReason", "Konkrete Zahl eines Ministers, mit Bildern prüfbar.")
                .add("priority", "high")
                .build()
                .toString()));
  }

  private static long created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply.toString());
    return reply.object().getJsonNumber("id").longValue();
  }
}
