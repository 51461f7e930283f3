package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a fact-checker does with articles and claims in a real (headless) browser: imports an HTML
 * file whose scripts must never run (nor do they from an evidence attachment, downloaded or
 * framed), selects a sentence of a seed article with the mouse, captures it as a claim, finds the
 * same claim in another seed article among the similar ones and links it as a second appearance,
 * and corrects an article's details. The auditor reads the same pages without any capture or import
 * button. Screenshots (German and English) land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimsBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;
  static final String FIRST_ARTICLE = "Russland ist bereit, Nordkorea zu bewaffnen";
  static final String FIRST_QUOTE = "Dies würde die koreanische Halbinsel destabilisieren";
  static final String SECOND_ARTICLE = "USA schlagen Alarm wegen Putins Deal mit Nordkorea";
  static final String SECOND_QUOTE = "Das würde die koreanische Halbinsel destabilisieren";
  static final String STATEMENT =
      "Russische Waffen für Nordkorea würden die koreanische Halbinsel destabilisieren.";

  @ArquillianResource URL deployment;

  /** The claim captured in test 2 and linked again in test 3. */
  static long claimId;

  private URI base() {
    return Api.at(deployment).base();
  }

  @Test
  @Order(1)
  void anImportedHtmlFileNeverRunsItsScripts() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Path file = Files.createTempFile("hostile-" + marker + "-", ".html");
    Files.writeString(file, hostilePage(marker), StandardCharsets.UTF_8);
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      assertEquals(msg("de", "nav.import"), browser.text("header:nav-import"));
      browser.clickAndWaitForNewPage(By.id("header:nav-import"));
      browser.waitForPage("articles/import.xhtml");

      browser.visible(By.linkText(msg("de", "import.files"))).click();
      WebElement input =
          browser.wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#ways\\:files-form input[type=file]")));
      input.sendKeys(file.toAbsolutePath().toString());
      WebElement outcome =
          browser.visible(By.cssSelector("#outcome-list li.outcome[data-result=IMPORTED]"));
      assertEquals(
          msg("de", "import.result.IMPORTED"),
          DeskBrowser.textOf(outcome.findElement(By.className("outcome-headline"))));
      assertEquals(
          file.getFileName().toString(),
          DeskBrowser.textOf(outcome.findElement(By.className("outcome-source"))));
      browser.screenshot("import-de");
      assertNothingRan(browser);

      // the same file again is "already imported", with a link to the article
      input =
          browser.wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#ways\\:files-form input[type=file]")));
      input.sendKeys(file.toAbsolutePath().toString());
      WebElement duplicate =
          browser.visible(By.cssSelector("#outcome-list li.outcome[data-result=DUPLICATE]"));
      assertEquals(
          msg("de", "import.result.DUPLICATE"),
          DeskBrowser.textOf(duplicate.findElement(By.className("outcome-headline"))));
      browser.screenshot("import-duplicate-de");

      browser.clickAndWaitForNewPage(
          browser
              .visible(By.cssSelector("#outcome-list li.outcome[data-result=IMPORTED]"))
              .findElement(By.className("outcome-link")));
      browser.waitForPage("articles/read.xhtml");
      String text = browser.text("article-text");
      assertTrue(text.contains("1.234 neue Wohnungen"), text);
      assertTrue(
          browser.driver.findElements(By.cssSelector(".reader script, .reader img")).isEmpty(),
          "no element of the article's markup reaches the reader");
      assertNothingRan(browser);
      browser.screenshot("reader-imported-de");

      // an evidence attachment with the same script, downloaded and previewed in a frame
      String download = attachmentWithScript(marker) + "?name=beleg-" + marker + ".html";
      browser.driver.get(base().resolve(download).toString());
      assertEquals("articles/read.xhtml", browser.page(), "downloaded, not opened as a page");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      js.executeScript(
          "const f = document.createElement('iframe');"
              + "f.onload = () => window.__previewDone = true;"
              + "f.src = arguments[0]; document.body.appendChild(f);",
          download);
      browser.wait.until(d -> js.executeScript("return window.__previewDone === true"));
      assertNothingRan(browser);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  @Order(2)
  void aSentenceSelectedWithTheMouseBecomesAClaim() {
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + articleId(FIRST_ARTICLE));
      assertTrue(
          browser.visible("new-claim").getDomProperty("disabled").equals("true"),
          "nothing selected, nothing to capture");

      selectWithMouse(browser, FIRST_QUOTE);
      browser.wait.until(d -> browser.visible("new-claim").isEnabled());
      new Actions(browser.driver).sendKeys("n").perform();

      WebElement quote = browser.visible("capture-quote");
      browser.waitForAjax();
      assertEquals(FIRST_QUOTE, DeskBrowser.textOf(quote), "the exact words selected");
      WebElement statement = browser.visible("capture:statement");
      assertEquals(FIRST_QUOTE, statement.getDomProperty("value"), "prefilled with the quote");
      statement.clear();
      statement.sendKeys(STATEMENT);
      WebElement claimant = browser.visible("capture:claimant_input");
      claimant.sendKeys("Matthew Miller");
      // the suggestions open after a short delay; a click beside them closes them, the name stays
      browser.visible("capture:claimant_panel");
      browser.visible("capture-quote").click();
      browser.wait.until(
          ExpectedConditions.invisibilityOfElementLocated(By.id("capture:claimant_panel")));
      assertEquals("Matthew Miller", claimant.getDomProperty("value"));
      assertTabReachesSaveWithoutTheCalendar(browser);
      browser.typeDate("capture:claimedOn", "20.06.2024");
      assertEscapeClosesOnlyTheCalendar(browser);
      browser.screenshot("capture-de");

      browser.clickAndWaitForNewPage(By.id("capture:save"));
      browser.waitForPage("articles/read.xhtml");
      browser.waitForInfoMessage(msg("de", "capture.saved"));
      WebElement mark = browser.visible(By.cssSelector("#article-text mark[data-claim]"));
      assertEquals(FIRST_QUOTE, DeskBrowser.textOf(mark));
      assertEquals(STATEMENT, mark.getDomProperty("title"));
      claimId = Long.parseLong(mark.getDomAttribute("data-claim"));
      browser.screenshot("reader-de");
    }
  }

  @Test
  @Order(3)
  void theSameClaimInAnotherArticleIsLinkedAsASecondAppearance() {
    assertTrue(claimId > 0, "test 2 captured the claim");
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + articleId(SECOND_ARTICLE));
      // flagged before anyone selects anything: sentences here make the claim of the first article
      WebElement flagged =
          browser.visible(
              By.cssSelector(
                  "#already-claimed li:has(a[href*='claims/view.xhtml?id=" + claimId + "'])"));
      assertTrue(
          DeskBrowser.textOf(flagged).contains(msg("de", "reader.alreadyClaimedIn", 1)),
          DeskBrowser.textOf(flagged));
      assertTrue(DeskBrowser.textOf(flagged).contains(STATEMENT), DeskBrowser.textOf(flagged));
      browser.screenshot("reader-already-claimed-de");
      selectWithMouse(browser, SECOND_QUOTE);
      browser.wait.until(d -> browser.visible("new-claim").isEnabled());
      browser.visible("new-claim").click();

      assertEquals(SECOND_QUOTE, DeskBrowser.textOf(browser.visible("capture-quote")));
      WebElement similar =
          browser.visible(
              By.cssSelector(
                  "#similar li.similar-item[data-kind=CLAIM][data-id='" + claimId + "']"));
      browser.screenshot("capture-similar-de");
      WebElement link = similar.findElement(By.cssSelector("button[id$=':link']"));
      assertEquals(msg("de", "capture.link"), DeskBrowser.textOf(link));
      browser.clickAndWaitForNewPage(link);
      browser.waitForPage("articles/read.xhtml");
      browser.waitForInfoMessage(msg("de", "capture.linked"));
      assertEquals(
          SECOND_QUOTE,
          DeskBrowser.textOf(
              browser.visible(By.cssSelector("#article-text mark[data-claim='" + claimId + "']"))));
      assertTrue(
          browser
              .driver
              .findElements(By.cssSelector("#already-claimed a[href*='?id=" + claimId + "']"))
              .isEmpty(),
          "linked here: no longer flagged");

      browser.go("claims/view.xhtml?id=" + claimId);
      assertEquals(STATEMENT, browser.text("statement"));
      assertTrue(browser.text("claim-meta").contains("20.06.2024"), browser.text("claim-meta"));
      List<WebElement> appearances =
          browser.visible("appearances").findElements(By.cssSelector("li.appearance"));
      assertEquals(2, appearances.size(), "two appearances");
      assertEquals(
          List.of(FIRST_QUOTE, SECOND_QUOTE),
          appearances.stream()
              .map(a -> DeskBrowser.textOf(a.findElement(By.tagName("mark"))))
              .toList());
      assertEquals(
          msg("de", "claim.appearances", 2),
          DeskBrowser.textOf(browser.visible(By.cssSelector("#appearances h2"))));
      browser.screenshot("claim-de");
    }
  }

  @Test
  @Order(4)
  void anEnglishReaderAndAnAuditorSeeTheClaimsButNoCaptureOrImport() {
    assertTrue(claimId > 0, "test 2 captured the claim");
    long first = articleId(FIRST_ARTICLE);
    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + first);
      assertEquals(msg("en", "reader.newClaim"), browser.text("new-claim"));
      browser.visible(By.cssSelector("#article-text mark[data-claim='" + claimId + "']"));
      browser.screenshot("reader-en");
      browser.go("claims/view.xhtml?id=" + claimId);
      assertEquals(
          msg("en", "claim.appearances", 2),
          DeskBrowser.textOf(browser.visible(By.cssSelector("#appearances h2"))));
      browser.screenshot("claim-en");
      browser.go("articles/import.xhtml");
      browser.screenshot("import-en");
      browser.go("search.xhtml?q=destabilisieren");
      browser.visible("search-count");
      browser.screenshot("search-en");
    }
    try (DeskBrowser auditor = DeskBrowser.open(base(), "de")) {
      auditor.signInOnce("auditor", PASSWORD, "index.xhtml");
      assertFalse(auditor.present("header:nav-import"), "no import in the auditor's navigation");
      auditor.go("articles/read.xhtml?id=" + first);
      auditor.visible(By.cssSelector("#article-text mark[data-claim='" + claimId + "']"));
      assertFalse(auditor.present("new-claim"), "no capture button for the auditor");
      assertFalse(auditor.present("capture-dialog"), "no capture dialog for the auditor");
      auditor.go("articles/import.xhtml");
      assertEquals(msg("de", "import.notAllowed"), auditor.text("not-allowed"));
      assertFalse(auditor.present("ways"), "no import forms for the auditor");
      auditor.go("search.xhtml?q=destabilisieren");
      auditor.visible("search-count");
      auditor.screenshot("search-de");
    }
  }

  @Test
  @Order(5)
  void theEditDialogGivesAClaimANewClaimant() {
    Api api = Api.at(deployment);
    long claim = new Desk(api, api::sharedToken).newClaim(api.sharedToken("factchecker"));
    String claimant = "Pressesprecherin " + UUID.randomUUID().toString().substring(0, 8);
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("claims/view.xhtml?id=" + claim);
      browser.openDialog("edit-claim", "edit:statement");
      WebElement name = browser.visible("edit:claimant");
      name.clear();
      name.sendKeys(claimant);
      WebElement statement = browser.visible("edit:statement");
      statement.clear();
      statement.sendKeys("Geänderte Aussage mit Sprecherin.");
      // a day without its year is refused in German and stays in the field to be corrected
      browser.typeDate("edit:claimedOn", "20.06.");
      browser.clickAndWaitForAjax(By.id("edit:save"));
      assertEquals(
          msg("de", "date.unreadable", msg("de", "capture.claimedOn"), "20.06.", "20.06.2024"),
          browser.waitForErrorMessage());
      assertEquals("20.06.", browser.visible("edit:claimedOn_input").getDomProperty("value"));
      // ISO is understood in German too
      browser.typeDate("edit:claimedOn", "2024-02-03");
      browser.screenshot("claim-edit-de");
      browser.clickAndWaitForNewPage(By.id("edit:save"));
      browser.waitForPage("claims/view.xhtml");
      browser.waitForInfoMessage(msg("de", "claim.saved"));
      assertEquals(claimant, browser.text("claimant"));
      assertEquals("Geänderte Aussage mit Sprecherin.", browser.text("statement"));
      assertTrue(browser.text("claim-meta").contains("03.02.2024"), browser.text("claim-meta"));
    }
  }

  @Test
  @Order(6)
  void addressesStoredBeforeTheRuleAreShownAsTextNeverAsLinks() {
    Api api = Api.at(deployment);
    String token = api.sharedToken("factchecker");
    String hostile = "javascript:alert(document.domain)";
    Api.Reply article =
        api.post(
            "api/articles",
            token,
            "{\"text\":\"Ein älterer Artikel " + UUID.randomUUID() + " mit Adresse.\"}");
    assertEquals(201, article.status(), article.toString());
    long articleId = article.object().getJsonObject("article").getJsonNumber("id").longValue();
    storeBefore(api, token, "article", articleId, hostile);

    long caseId =
        new Desk(api, api::sharedToken).caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Api.Reply item =
        api.post(
            "api/cases/" + caseId + "/evidence",
            token,
            "{\"kind\":\"document\",\"stance\":\"context\",\"summary\":\"Alte Quelle\","
                + "\"url\":\"https://example.org/alt\"}");
    assertEquals(201, item.status(), item.toString());
    storeBefore(api, token, "evidence", item.object().getJsonNumber("id").longValue(), hostile);

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + articleId);
      assertFalse(browser.present("article-url"), "no link to the stored address");
      assertEquals(hostile, browser.text("article-url-refused"));
      assertEquals(
          msg("de", "link.refused"),
          browser.visible("article-url-refused").getDomAttribute("title"));
      assertNoScriptLinks(browser);

      browser.go("cases/view.xhtml?id=" + caseId);
      assertEquals(
          hostile,
          DeskBrowser.textOf(browser.visible(By.cssSelector("#evidence .refused-address"))));
      assertNoScriptLinks(browser);
    }
  }

  @Test
  @Order(7)
  void rightToLeftOverridesInUserTextStayInsideTheirOwnWords() {
    Api api = Api.at(deployment);
    java.util.function.Function<String, String> token = api::sharedToken;
    Desk desk = new Desk(api, token);
    String checker = token.apply("factchecker");
    String supervisor = token.apply("supervisor");
    String rlo = "\u202E";
    long claim = desk.newClaim(checker);
    long version =
        api.get("api/claims/" + claim, checker).object().getJsonNumber("version").longValue();
    Api.Reply edited =
        api.send(
            "PUT",
            "api/claims/" + claim,
            checker,
            jakarta.json.Json.createObjectBuilder()
                .add("version", version)
                .add("statement", rlo + "Die Behörde hat gelogen")
                .add("claimant", rlo + "Sprecher " + UUID.randomUUID().toString().substring(0, 6))
                .add("claimedOn", "2024-01-02")
                .build()
                .toString());
    assertEquals(200, edited.status(), edited.toString());
    long caseId = desk.openCase(claim, supervisor).getJsonNumber("id").longValue();

    long published = desk.publishedCase("FALSE").getJsonNumber("id").longValue();
    desk.step(published, supervisor, "correct", "Neue Zahlen.");
    long verdictVersion =
        api.get("api/cases/" + published + "/verdict", checker)
            .object()
            .getJsonNumber("version")
            .longValue();
    Api.Reply revised =
        api.post(
            "api/cases/" + published + "/verdict",
            checker,
            jakarta.json.Json.createObjectBuilder()
                .add("version", verdictVersion)
                .add("rating", "MOSTLY_FALSE")
                .add("claimReviewed", "Die Zahl der Anträge")
                .add("conclusion", "Die Statistik nennt eine etwas andere Zahl.")
                .add("explanation", "Siehe die Statistik der Behörde [E1].")
                .build()
                .toString());
    assertEquals(200, revised.status(), revised.toString());
    desk.step(published, checker, "submit", null);
    desk.step(published, token.apply("supervisor2"), "approve", null);
    long caseVersion =
        api.get("api/cases/" + published, supervisor).object().getJsonNumber("version").longValue();
    Api.Reply republished =
        api.post(
            "api/cases/" + published + "/transitions",
            supervisor,
            jakarta.json.Json.createObjectBuilder()
                .add("action", "publish")
                .add("version", caseVersion)
                .add("comment", rlo + "Zahl korrigiert")
                .add("correction", "CORRECTION")
                .build()
                .toString());
    assertEquals(200, republished.status(), republished.toString());
    String slug =
        api.get("api/cases/" + published + "/verdict", checker).object().getString("slug");

    Map<String, List<String>> problems = new java.util.LinkedHashMap<>();
    try (DeskBrowser reader = DeskBrowser.open(base(), "de")) {
      reader.go("factchecks/" + slug);
      assertEquals(
          msg("de", "public.previousVersion"),
          DeskBrowser.textOf(reader.visible(By.cssSelector("#corrections li a"))));
      problems.put("the public page", Bidi.problems(reader));
    }
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("claims/view.xhtml?id=" + claim);
      browser.visible("claimant");
      problems.put("the claim page", Bidi.problems(browser));
      browser.go("cases/view.xhtml?id=" + caseId);
      browser.visible("case-title");
      problems.put("the case page", Bidi.problems(browser));
      browser.go("cases/view.xhtml?id=" + published);
      browser.visible("corrections");
      problems.put("the published case's page", Bidi.problems(browser));
    }
    problems.values().removeIf(List::isEmpty);
    assertEquals(Map.of(), problems);
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** An article page with navigation, a footer, a script and an onerror payload. */
  private static String hostilePage(String marker) {
    return """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8">
        <title>Wohnungsbau %1$s</title>
        <script>window.__pwned = true; document.title = "pwned";</script>
        </head><body>
        <nav><a href="/">Startseite</a> | <a href="/politik">Politik</a> | <a href="/sport">Sport</a></nav>
        <article><h1>Wohnungsbau %1$s</h1>
        <p>Der Bürgermeister sagte am Montag, die Stadt habe 2023 genau 1.234 neue Wohnungen gebaut.
        <img src="x" onerror="window.__pwned = true; document.title = 'pwned'"></p>
        <p>Der Text &lt;script&gt;window.__pwned = true&lt;/script&gt; steht hier nur als Text (%1$s).</p>
        <p>Die Opposition bezweifelt die Zahl und spricht von höchstens 800 Wohnungen.</p>
        </article>
        <footer>© 2024 Beispielverlag · Impressum · Datenschutz</footer>
        </body></html>
        """
        .formatted(marker);
  }

  /**
   * A text file whose script would mark the page, attached to an evidence item the way people
   * attach files; its download path.
   */
  private String attachmentWithScript(String marker) {
    Api api = Api.at(deployment);
    String token = api.sharedToken("factchecker");
    long caseId =
        new Desk(api, api::sharedToken).caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Api.Reply item =
        api.post(
            "api/cases/" + caseId + "/evidence",
            token,
            "{\"kind\":\"document\",\"stance\":\"context\",\"summary\":\"Notiz\","
                + "\"url\":\"https://example.org/notiz\"}");
    assertEquals(201, item.status(), item.toString());
    byte[] text =
        ("Notiz " + marker + "<script>window.__pwned = true; document.title = 'pwned';</script>")
            .getBytes(StandardCharsets.UTF_8);
    Api.Reply stored =
        api.upload(
            "api/cases/"
                + caseId
                + "/evidence/"
                + item.object().getJsonNumber("id").longValue()
                + "/attachments",
            token,
            "notiz.txt",
            "text/plain",
            text);
    assertEquals(201, stored.status(), stored.toString());
    return "api/attachments/" + stored.json().asJsonArray().getJsonObject(0).getString("sha256");
  }

  private static void storeBefore(Api api, String token, String table, long id, String url) {
    Api.Reply stored =
        api.send(
            "PUT",
            "api/test/stored-before/" + table + "/" + id + "/url",
            token,
            jakarta.json.Json.createObjectBuilder().add("url", url).build().toString());
    assertEquals(204, stored.status(), stored.toString());
  }

  private static void assertNoScriptLinks(DeskBrowser browser) {
    assertEquals(
        List.of(),
        browser.driver.findElements(By.cssSelector("a[href]")).stream()
            .map(a -> a.getDomAttribute("href"))
            .filter(
                href -> href.strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:"))
            .toList(),
        "no link runs a script");
  }

  private static void assertNothingRan(DeskBrowser browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    assertEquals(
        Boolean.FALSE, js.executeScript("return window.__pwned === true"), "no script ran");
    assertFalse(browser.driver.getTitle().contains("pwned"), browser.driver.getTitle());
  }

  /** The id of the seed article whose title starts so, from the REST API. */
  /**
   * Lena's capture with the keyboard only, in English: Tab into the text, arrow keys to the
   * sentence, "]" narrows its start word by word, Shift+arrows move its end, "n" opens the dialog,
   * Tab walks it to Save, Enter saves; "?" shows the keys first.
   */
  @Test
  @Order(8)
  void anySpanIsCapturedWithTheKeyboardOnly() {
    String sentenceStart = "Der Sprecher des Weißen Hauses für nationale Sicherheit, John Kirby";
    String quote =
        "das Abkommen sei ein Zeichen der Verzweiflung Russlands, das ausländische Unterstützung"
            + " in seinem Krieg gegen die Ukraine benötigt.";
    Api api = Api.at(deployment);
    long article =
        Articles.oldestFirst(api, api.sharedToken("factchecker")).stream()
            .mapToLong(a -> a.getJsonNumber("id").longValue())
            .filter(
                id ->
                    api.get("api/articles/" + id, api.sharedToken("factchecker"))
                        .object()
                        .getString("text")
                        .contains(sentenceStart + ", sagte Reportern, " + quote))
            .findFirst()
            .orElseThrow(() -> new AssertionError("a seed article quotes Kirby"));

    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + article);
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      Actions keys = new Actions(browser.driver);

      keys.sendKeys("?").perform();
      WebElement help = browser.visible("shortcuts-dialog");
      browser.wait.until(d -> DeskBrowser.textOf(help).contains("Widen / narrow"));
      keys.sendKeys(Keys.ESCAPE).perform();
      browser.wait.until(ExpectedConditions.invisibilityOf(help));

      for (int i = 0; i < 80 && !"article-text".equals(activeId(js)); i++) {
        keys.sendKeys(Keys.TAB).perform();
      }
      assertEquals("article-text", activeId(js), "Tab reaches the article text");
      for (int i = 0; i < 40 && !selection(js).startsWith(sentenceStart); i++) {
        keys.sendKeys(Keys.ARROW_DOWN).perform();
      }
      assertTrue(selection(js).startsWith(sentenceStart), selection(js));
      for (int i = 0; i < 20 && !selection(js).startsWith("das Abkommen"); i++) {
        keys.sendKeys("]").perform();
      }
      assertEquals(quote, selection(js), "the start narrowed word by word");
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_LEFT).keyUp(Keys.SHIFT).perform();
      assertEquals(quote.substring(0, quote.lastIndexOf(' ')), selection(js), "the end narrowed");
      keys.keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_RIGHT).keyUp(Keys.SHIFT).perform();
      assertEquals(quote, selection(js), "and widened again");

      keys.sendKeys("n").perform();
      WebElement statement = browser.visible("capture:statement");
      browser.waitForAjax();
      assertEquals(quote, DeskBrowser.textOf(browser.visible("capture-quote")));
      browser.wait.until(d -> "capture:statement".equals(activeId(js)));
      String claimed =
          "Kirby: Das Abkommen zeige, dass Russland für den Krieg gegen die Ukraine ausländische"
              + " Hilfe braucht.";
      keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(claimed).perform();
      keys.sendKeys(Keys.TAB).perform();
      assertEquals("capture:claimant_input", activeId(js));
      keys.sendKeys("John Kirby").perform();
      for (int i = 0; i < 12 && !"capture:save".equals(activeId(js)); i++) {
        keys.sendKeys(Keys.TAB).perform();
      }
      assertEquals("capture:save", activeId(js), "Tab reaches Save");
      assertEquals(claimed, statement.getDomProperty("value"));
      keys.sendKeys(Keys.ENTER).perform();
      browser.waitForInfoMessage(msg("en", "capture.saved"));
      WebElement mark =
          browser.visible(By.xpath("//*[@id='article-text']//mark[@title='" + claimed + "']"));
      assertEquals(quote, DeskBrowser.textOf(mark));
    }
  }

  /** The details dialog opens with the article's metadata and saves what was changed. */
  @Test
  @Order(9)
  void theDetailsDialogChangesAnArticlesTitleAndOutlet() {
    Api api = Api.at(deployment);
    String marker = UUID.randomUUID().toString().substring(0, 8);
    Api.Reply imported =
        api.post(
            "api/articles",
            api.sharedToken("factchecker"),
            "{\"text\":\"Ein Artikel " + marker + " über seine Angaben.\"}");
    assertEquals(201, imported.status(), imported.toString());
    jakarta.json.JsonObject article = imported.object().getJsonObject("article");
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("factchecker", PASSWORD, "index.xhtml");
      browser.go("articles/read.xhtml?id=" + article.getJsonNumber("id").longValue());
      browser.openDialog("edit-metadata", "meta:title");
      WebElement title = browser.visible("meta:title");
      assertEquals(article.getString("title"), title.getDomProperty("value"));
      title.clear();
      title.sendKeys("Neuer Titel " + marker);
      WebElement outlet = browser.visible("meta:outlet");
      outlet.clear();
      outlet.sendKeys("Testblatt " + marker);
      browser.clickAndWaitForNewPage(By.id("meta:save"));
      browser.waitForPage("articles/read.xhtml");
      browser.waitForInfoMessage(msg("de", "article.metadataSaved"));
      assertEquals("Neuer Titel " + marker, browser.text("article-title"));
      String meta = browser.text("article-meta");
      assertTrue(meta.contains("Testblatt " + marker), meta);
    }
  }

  private static String activeId(JavascriptExecutor js) {
    return String.valueOf(js.executeScript("return document.activeElement.id"));
  }

  private static String selection(JavascriptExecutor js) {
    return String.valueOf(js.executeScript("return window.getSelection().toString()"));
  }

  private long articleId(String titleStart) {
    Api api = Api.at(deployment);
    return Articles.oldestFirst(api, api.sharedToken("factchecker")).stream()
        .filter(a -> a.getString("title").startsWith(titleStart))
        .mapToLong(a -> a.getJsonNumber("id").longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no article titled " + titleStart));
  }

  /**
   * From the statement, Tab walks the dialog's fields to Save: the calendar never opens on focus
   * (it used to, and then kept Tab cycling through its days).
   */
  private static void assertTabReachesSaveWithoutTheCalendar(DeskBrowser browser) {
    browser.visible("capture:statement").click();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    List<String> visited = new ArrayList<>();
    for (int i = 0; i < 10 && !visited.contains("capture:save"); i++) {
      new Actions(browser.driver).sendKeys(Keys.TAB).perform();
      visited.add(String.valueOf(js.executeScript("return document.activeElement.id")));
      assertFalse(browser.calendarOpen("capture:claimedOn"), "the calendar opened: " + visited);
    }
    assertTrue(visited.contains("capture:claimedOn_input"), "Tab passes the date: " + visited);
    assertTrue(visited.contains("capture:save"), "Tab reaches Save: " + visited);
  }

  /**
   * Escape in the date field, and in its calendar opened with Alt+Down, closes only the calendar;
   * Escape elsewhere asks before the typed statement is thrown away.
   */
  private static void assertEscapeClosesOnlyTheCalendar(DeskBrowser browser) {
    WebElement day = browser.visible("capture:claimedOn_input");
    day.sendKeys(Keys.ESCAPE);
    // the calendar has opened once it holds the focus (a day of it), as a person sees it; a key
    // pressed while the page is still busy can be lost, so Alt+Down is pressed again (as a person
    // would) as long as the calendar is closed
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    browser.wait.until(
        d -> {
          if (!browser.calendarOpen("capture:claimedOn")) {
            day.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
          }
          return Boolean.TRUE.equals(
              js.executeScript(
                  "return !!document.activeElement.closest('#capture\\\\:claimedOn_panel')"));
        });
    new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    browser.wait.until(d -> !browser.calendarOpen("capture:claimedOn"));
    assertTrue(browser.visible("capture-dialog").isDisplayed(), "the dialog stays open");
    assertEquals("20.06.2024", day.getDomProperty("value"));
    WebElement statement = browser.visible("capture:statement");
    assertEquals(STATEMENT, statement.getDomProperty("value"));

    statement.sendKeys(Keys.ESCAPE);
    Alert question = browser.wait.until(ExpectedConditions.alertIsPresent());
    assertEquals(msg("de", "dialog.discardTyping"), question.getText());
    question.dismiss();
    assertTrue(browser.visible("capture-dialog").isDisplayed(), "kept after the question");
    assertEquals(STATEMENT, statement.getDomProperty("value"));
  }

  /**
   * Selects the first occurrence of the words in the reading text with a real mouse drag: from the
   * left edge of the first character to the right edge of the last one.
   */
  @SuppressWarnings("unchecked")
  private static void selectWithMouse(DeskBrowser browser, String words) {
    browser.visible("article-text");
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    Map<String, Object> where =
        (Map<String, Object>)
            js.executeScript(
                """
                const words = arguments[0];
                const walker = document.createTreeWalker(
                    document.getElementById('article-text'), NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const i = n.data.indexOf(words);
                  if (i < 0) continue;
                  n.parentElement.scrollIntoView({block: 'center'});
                  const first = document.createRange();
                  first.setStart(n, i); first.setEnd(n, i + 1);
                  const last = document.createRange();
                  last.setStart(n, i + words.length - 1); last.setEnd(n, i + words.length);
                  const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
                  return {x1: a.left + 1, y1: (a.top + a.bottom) / 2,
                          x2: b.right - 1, y2: (b.top + b.bottom) / 2};
                }
                return null;
                """,
                words);
    assertTrue(where != null, "the reading text contains " + words);
    // viewport coordinates: the paragraph was scrolled to the middle of the window
    new Actions(browser.driver)
        .moveToLocation(
            (int) Math.round(number(where, "x1")), (int) Math.round(number(where, "y1")))
        .clickAndHold()
        .moveToLocation(
            (int) Math.round(number(where, "x2")), (int) Math.round(number(where, "y2")))
        .release()
        .perform();
    assertEquals(words, js.executeScript("return window.getSelection().toString()"));
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
