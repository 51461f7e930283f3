package org.claimdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.claimdesk.testing.Desk;
import org.claimdesk.testing.SampleFiles;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The desk's day on one seed claim: a supervisor opens its case and assigns the demo fact-checker,
 * who finds it under "My cases", adds two pieces of evidence (one with a PDF) and a note mentioning
 * the supervisor, who then finds the note in the inbox. An auditor sees it all but no controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;
  static final String SEED_TITLE = "Nordkorea und Russland";
  static final String QUOTE =
      "Von Nordkorea hat mindestens 10.000 Container nach Russland geliefert";

  @ArquillianResource URL deployment;

  private URI base() {
    return Api.at(deployment).base();
  }

  /** The container claim of seed article 003, captured over the API; returns the claim's id. */
  private long seedClaim(Api api, String token) {
    long articleId = -1;
    String text = null;
    for (JsonObject item : Articles.oldestFirst(api, token)) {
      long id = item.getJsonNumber("id").longValue();
      String reading = api.get("api/articles/" + id, token).object().getString("text");
      if (reading.contains(QUOTE)) {
        articleId = id;
        text = reading;
        break;
      }
    }
    assertTrue(articleId > 0, "a seed article reports the containers");
    int start = text.indexOf(QUOTE);
    Api.Reply claim =
        api.post(
            "api/claims",
            token,
            Json.createObjectBuilder()
                .add("articleId", articleId)
                .add("start", start)
                .add("end", start + QUOTE.length())
                .add(
                    "statement",
                    "Nordkorea hat mindestens 10.000 Container mit Waffen nach Russland geliefert.")
                .add("claimant", "Shin Won-sik")
                .build()
                .toString());
    assertEquals(201, claim.status(), claim.toString());
    return claim.object().getJsonNumber("id").longValue();
  }

  private static Path pdf(String text) {
    try {
      Path file = Files.createTempFile("satellitenbilder-", ".pdf");
      Files.write(file, SampleFiles.pdf(text));
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aSeedClaimIsWorkedFromMyCasesToEvidenceAndANoteTheSupervisorFindsInTheInbox() {
    Api api = Api.at(deployment);
    String checkerToken = api.sharedToken("factchecker");
    long claim = seedClaim(api, checkerToken);
    String marker = UUID.randomUUID().toString().substring(0, 6);
    String ministry = "Verteidigungsministerium Südkorea " + marker;
    Api.Reply source =
        api.post(
            "api/sources",
            checkerToken,
            Json.createObjectBuilder()
                .add("name", ministry)
                .add("kind", "GOVERNMENT")
                .add("reliability", "MOSTLY_RELIABLE")
                .add("reliabilityNote", "Amtliche Angaben, aber Kriegspartei-Nachbar")
                .build()
                .toString());
    assertEquals(201, source.status(), source.toString());

    long caseId;
    String caseTitle = "Container-Lieferungen " + marker;
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("supervisor", PASSWORD, "index.xhtml");
      browser.go("claims/view.xhtml?id=" + claim);
      browser.clickAndWaitForNewPage(By.id("case-link"));
      assertEquals("Fall eröffnen", browser.driver.findElement(By.tagName("h1")).getText());
      WebElement title = browser.visible("open:title");
      title.clear();
      title.sendKeys(caseTitle);
      browser.visible("open:reason").sendKeys("Konkrete Zahl, mit Satellitenbildern prüfbar.");
      browser.visible("open:tags").sendKeys("Rüstung, Nordkorea");
      browser.clickAndWaitForNewPage(By.id("open:open-case"));
      browser.waitForInfoMessage("Fall eröffnet.");
      assertEquals(
          1,
          browser.driver.findElements(By.cssSelector(".ui-messages-info-summary")).size(),
          "one message per action, not one per form on the page");
      caseId = Long.parseLong(query(browser, "id"));
      assertEquals("niemandem", browser.text("assignees"));
      assertTrue(browser.text("appearances").contains(QUOTE), browser.text("appearances"));

      browser.driver.findElement(By.xpath("//label[normalize-space()='factchecker']")).click();
      browser.clickAndWaitForNewPage(By.id("assign:save-assignees"));
      browser.waitForInfoMessage("Fall gespeichert.");
      assertEquals("factchecker", browser.text("assignees"));
      assertTrue(browser.text("case-meta").contains("Neu"), browser.text("case-meta"));
      browser.screenshot("case-de");
    }

    String note = "@supervisor Bitte die Satellitenbilder gegenlesen (" + marker + ").";
    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("cases/index.xhtml?queue=mine");
      assertTrue(titles(browser).contains(caseTitle), "My cases: " + titles(browser));
      browser.screenshot("cases-mine-en");

      // a filtered, sorted queue is a URL: the filter goes there, sorting rewrites it in place,
      // and a reload shows the same cases
      browser.go("cases/index.xhtml?queue=all");
      browser.visible("filter:text").sendKeys(marker);
      browser.clickAndWaitForNewPage(By.id("filter:search"));
      assertTrue(
          browser.driver.getCurrentUrl().contains("q=" + marker), browser.driver.getCurrentUrl());
      assertEquals(List.of(caseTitle), titles(browser));
      browser.driver.findElement(By.id("queue:case-table:by-title")).click();
      browser.wait.until(d -> d.getCurrentUrl().contains("sort=title"));
      browser.driver.navigate().refresh();
      browser.waitUntilLoaded();
      assertEquals(marker, browser.visible("filter:text").getDomProperty("value"));
      assertEquals(List.of(caseTitle), titles(browser));
      assertTrue(
          browser
              .driver
              .findElement(By.id("queue:case-table:by-title"))
              .getDomAttribute("class")
              .contains("ui-state-active"),
          "the reloaded table is still sorted by title");
      browser.clickAndWaitForNewPage(By.linkText(caseTitle));
      assertFalse(browser.present("assign:save-assignees"), "fact-checkers do not assign");

      addEvidence(
          browser,
          "Refutes",
          "Satellite images show no container traffic at Rajin.",
          null,
          "https://example.org/rajin-" + marker);
      browser
          .wait
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#evidence-files input[type=file]")))
          .sendKeys(pdf("Rajin port, August: no containers " + marker).toString());
      browser.visible(By.cssSelector("#evidence-E1 .file-link"));
      browser.waitForInfoMessage(
          "File " + browser.text(By.cssSelector("#evidence-E1 .file-link")) + " attached.");

      browser.clickAndWaitForAjax(By.id("evidence-form:new-evidence"));
      addEvidence(
          browser,
          "Supports",
          "The ministry repeats the figure of 10,000 containers.",
          ministry,
          null);

      List<String> labels =
          browser.driver.findElements(By.cssSelector(".evidence-item .kind-badge")).stream()
              .map(DeskBrowser::textOf)
              .toList();
      assertEquals(List.of("E1", "E2"), labels);
      String second = browser.text("evidence-E2");
      assertTrue(second.contains(ministry) && second.contains("mostly reliable"), second);
      String first = browser.text("evidence-E1");
      assertTrue(first.contains("satellitenbilder-") && first.contains("application/pdf"), first);

      browser.visible("note-form:note-body").sendKeys(note);
      browser.clickAndWaitForAjax(By.id("note-form:write-note"));
      browser.visible(By.cssSelector("#note-list .mention"));
      ((org.openqa.selenium.JavascriptExecutor) browser.driver)
          .executeScript("document.getElementById('evidence').scrollIntoView()");
      browser.screenshot("case-evidence-en");

      // the supervisor renames the case while this page is open; this person changes the reason
      String supervisorToken = api.sharedToken("supervisor");
      JsonObject stored = api.get("api/cases/" + caseId, supervisorToken).object();
      String renamed = "Container für Russland? " + marker;
      Api.Reply rename =
          api.send(
              "PATCH",
              "api/cases/" + caseId,
              supervisorToken,
              Json.createObjectBuilder()
                  .add("version", stored.getJsonNumber("version").longValue())
                  .add("title", renamed)
                  .build()
                  .toString());
      assertEquals(200, rename.status(), rename.toString());
      String reason = "Figure from a ministry; satellite images can check it.";
      WebElement reasonField = browser.visible("edit:reason");
      reasonField.clear();
      reasonField.sendKeys(reason);
      browser.clickAndWaitForNewPage(By.id("edit:save-case"));
      String conflict = browser.waitForErrorMessage();
      assertTrue(
          conflict.contains(renamed) && conflict.contains("still in the form"),
          "says what changed: " + conflict);
      assertEquals(reason, browser.visible("edit:reason").getDomProperty("value"), "input kept");
      assertEquals(renamed, browser.visible("edit:title").getDomProperty("value"));
      browser.screenshot("case-conflict-en");
      browser.clickAndWaitForNewPage(By.id("edit:save-case"));
      browser.waitForInfoMessage("Case saved.");
      JsonObject merged = api.get("api/cases/" + caseId, supervisorToken).object();
      assertEquals(renamed, merged.getString("title"));
      assertEquals(reason, merged.getString("selectionReason"));
    }

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("supervisor", PASSWORD, "index.xhtml");
      assertTrue(Integer.parseInt(browser.text("header:inbox-unread")) >= 1, "the badge counts");
      browser.clickAndWaitForNewPage(By.id("header:nav-inbox"));
      WebElement entry =
          browser.visible(By.cssSelector("#inbox-table tr.unread[data-case='" + caseId + "']"));
      String shown = DeskBrowser.textOf(entry);
      assertTrue(shown.contains("factchecker") && shown.contains(marker), shown);
      browser.screenshot("inbox-de");
    }

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("auditor", PASSWORD, "index.xhtml");
      browser.go("cases/view.xhtml?id=" + caseId);
      assertTrue(browser.text("evidence-E2").contains(ministry));
      assertFalse(browser.present("edit:save-case"), "auditors change nothing");
      assertFalse(browser.present("assign:save-assignees"));
      assertFalse(browser.present("evidence-form:save-evidence"));
      assertFalse(browser.present("note-form:write-note"));
    }
  }

  /**
   * Lena's evidence without detours, in German: a file chosen before the item exists and a source
   * the registry does not know yet go in with the item in one save; a refused save keeps everything
   * typed and chosen; the new source is registered unrated and audited. A colleague not on the case
   * sees why there is no form instead of filling one in vain.
   */
  @Test
  void evidenceTakesANewSourceAndFilesInOneSaveAndKeepsEverythingOnARefusal() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    long caseId = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String sourceName = "Hafenbehörde Rajin " + marker;
    String sourceUrl = "https://example.org/hafen-" + marker;
    String summary = "Die Hafenbehörde meldet keinen Containerverkehr " + marker + ".";

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("cases/view.xhtml?id=" + caseId);
      browser
          .wait
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#evidence-files input[type=file]")))
          .sendKeys(pdf("Hafen Rajin, Oktober " + marker).toString());
      String kept = browser.text(By.cssSelector("#evidence-form\\:uploads li"));
      assertTrue(kept.startsWith("satellitenbilder-"), kept);
      assertFalse(browser.present("evidence-E1"), "nothing is saved by choosing a file");

      WebElement source = browser.visible("evidence-form:source_input");
      source.sendKeys(sourceName);
      browser.visible("evidence-form:url").click(); // leaving the field asks the registry
      assertTrue(
          browser.text("evidence-form:new-source-hint").contains(sourceName),
          "the form offers to register the source");
      browser.visible("evidence-form:source-url").sendKeys(sourceUrl);

      // saved without a summary: refused, and nothing typed or chosen is lost
      browser.clickAndWaitForAjax(By.id("evidence-form:save-evidence"));
      assertFalse(browser.waitForErrorMessage().isBlank());
      assertEquals(
          sourceName, browser.visible("evidence-form:source_input").getDomProperty("value"));
      assertEquals(sourceUrl, browser.visible("evidence-form:source-url").getDomProperty("value"));
      assertEquals(kept, browser.text(By.cssSelector("#evidence-form\\:uploads li")));
      assertFalse(browser.present("evidence-E1"));

      browser.visible("evidence-form:summary").sendKeys(summary);
      browser.clickAndWaitForAjax(By.id("evidence-form:save-evidence"));
      browser.waitForInfoMessage("Beleg hinzugefügt.");
      String item = browser.text("evidence-E1");
      assertTrue(
          item.contains(summary)
              && item.contains(sourceName)
              && item.contains("nicht bewertet")
              && item.contains("application/pdf"),
          item);
      browser.screenshot("evidence-new-source-de");
      browser.go("cases/view.xhtml?id=" + caseId).screenshotFullPage("case-page-de");
    }

    String auditor = api.sharedToken("auditor");
    List<String> actions =
        api
            .get("api/audit?case=" + caseId + "&limit=50", auditor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(e -> e.getString("action"))
            .toList();
    assertTrue(
        actions.containsAll(List.of("evidence.added", "evidence.file-attached")), "" + actions);
    JsonObject registered =
        api
            .get(
                "api/sources?q=" + URLEncoder.encode(sourceName, StandardCharsets.UTF_8),
                api.sharedToken("factchecker"))
            .json()
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(s -> s.getString("name").equals(sourceName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the source is in the registry"));
    assertEquals("UNRATED", registered.getString("reliability"));
    assertEquals(sourceUrl, registered.getString("url"));

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker2", PASSWORD, "index.xhtml");
      browser.go("cases/view.xhtml?id=" + caseId);
      assertTrue(browser.text("evidence-not-yours").contains("Bearbeiter:innen"));
      assertFalse(browser.present("evidence-form:save-evidence"));
      assertFalse(browser.present("evidence-form:summary"));
    }
  }

  /**
   * The dashboard draws its charts (under the Content-Security-Policy), agrees with {@code GET
   * /api/dashboard}, and leads to the queues: the overdue tile, each person's queue.
   */
  @Test
  void theDashboardChartsTheDeskAndLeadsToTheQueues() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    for (String rating : List.of("FALSE", "FALSE", "MOSTLY_FALSE", "MISSING_CONTEXT", "TRUE")) {
      desk.publishedCase(rating);
    }
    String supervisor = api.sharedToken("supervisor");
    for (int i = 0; i < 3; i++) {
      long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
      desk.step(id, supervisor, "start-research", null);
    }
    JsonObject late = desk.caseWorkedBy("factchecker2", "supervisor2");
    Api.Reply due =
        api.send(
            "PATCH",
            "api/cases/" + late.getJsonNumber("id"),
            supervisor,
            Json.createObjectBuilder()
                .add("version", late.getJsonNumber("version").longValue())
                .add("dueOn", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString())
                .build()
                .toString());
    assertEquals(200, due.status(), due.toString());
    JsonObject figures = api.get("api/dashboard", supervisor).object();

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("supervisor", PASSWORD, "index.xhtml");
      assertDrawn(browser, "status-chart");
      assertDrawn(browser, "rating-chart");
      assertEquals(
          Texts.msg("de", "dashboard.byStatus"),
          browser.text(By.cssSelector("#cases-by-status h2")));
      assertTrue(
          browser
              .visible(By.cssSelector("#status-chart canvas"))
              .getDomAttribute("aria-label")
              .contains(
                  "In Recherche: " + figures.getJsonObject("casesByStatus").getInt("IN_RESEARCH")),
          "the chart's figures as text for screen readers");
      assertEquals(String.valueOf(figures.getJsonNumber("overdue")), browser.text("overdue-count"));
      assertTrue(browser.text("median-days").matches("\\d+,\\d"), browser.text("median-days"));
      WebElement person =
          browser.visible(
              By.xpath("//table[@id='people-table']//a[normalize-space()='factchecker2']"));
      assertTrue(
          person
              .getDomAttribute("href")
              .endsWith("cases/index.xhtml?queue=all&assignee=factchecker2"),
          person.getDomAttribute("href"));
      WebElement row = person.findElement(By.xpath("ancestor::tr"));
      assertEquals("1", DeskBrowser.textOf(row.findElement(By.className("overdue-count"))));
      browser.screenshotFullPage("dashboard-de");

      browser.clickAndWaitForNewPage(person);
      browser.waitForPage("cases/index.xhtml");
      assertTrue(browser.driver.getCurrentUrl().contains("assignee=factchecker2"));
      browser.go("index.xhtml");
      browser.clickAndWaitForNewPage(By.id("tile-overdue"));
      browser.waitForPage("cases/index.xhtml");
      assertTrue(
          browser.driver.getCurrentUrl().endsWith("?queue=overdue"),
          browser.driver.getCurrentUrl());
    }

    // auditors see the same dashboard; in English
    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.signInOnce("auditor", PASSWORD, "index.xhtml");
      assertDrawn(browser, "status-chart");
      assertDrawn(browser, "rating-chart");
      assertEquals(
          "Published verdicts by rating", browser.text(By.cssSelector("#verdicts-by-rating h2")));
      assertTrue(
          browser
              .visible(By.cssSelector("#rating-chart canvas"))
              .getDomAttribute("aria-label")
              .contains("False: "),
          "English rating labels");
      assertTrue(browser.text("median-days").matches("\\d+\\.\\d"), browser.text("median-days"));
      browser.screenshotFullPage("dashboard-en");
    }
  }

  /** How many pixels of a chart's canvas are painted, or null while none is. */
  static final String PAINTED_PIXELS =
      "const c = document.querySelector('#' + arguments[0] + ' canvas');"
          + " if (!c.width || !c.height) return null;"
          + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + " let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++;"
          + " return n > 0 ? n : null;";

  /**
   * Chart.js drew into the chart's canvas; a blank one (the configuration refused, say by the
   * Content-Security-Policy) fails the wait.
   */
  private static void assertDrawn(DeskBrowser browser, String chartId) {
    browser.visible(By.cssSelector("#" + chartId + " canvas"));
    browser.wait.until(d -> ((JavascriptExecutor) d).executeScript(PAINTED_PIXELS, chartId));
  }

  private static List<String> titles(DeskBrowser browser) {
    return browser.driver.findElements(By.cssSelector(".case-table a.case-link")).stream()
        .map(DeskBrowser::textOf)
        .toList();
  }

  private static String query(DeskBrowser browser, String name) {
    for (String pair : URI.create(browser.driver.getCurrentUrl()).getQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new AssertionError("no " + name + " in " + browser.driver.getCurrentUrl());
  }

  /** Fills the evidence form (stance by its English label) and saves; waits for the new item. */
  private static void addEvidence(
      DeskBrowser browser, String stance, String summary, String source, String url) {
    int before = browser.driver.findElements(By.cssSelector(".evidence-item")).size();
    browser
        .driver
        .findElement(
            By.xpath("//*[@id='evidence-form:stance']//label[normalize-space()='" + stance + "']"))
        .click();
    browser.visible("evidence-form:summary").sendKeys(summary);
    if (source != null) {
      browser.visible("evidence-form:source_input").sendKeys(source);
    }
    if (url != null) {
      browser.visible("evidence-form:url").sendKeys(url);
    }
    browser.clickAndWaitForAjax(By.id("evidence-form:save-evidence"));
    browser.waitForInfoMessage("Evidence item added.");
    assertEquals(before + 1, browser.driver.findElements(By.cssSelector(".evidence-item")).size());
  }
}
