package org.claimdesk.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A supervisor opens a case from a claim's page and assigns the demo fact-checker, who finds it
 * under "My cases" and in a filtered, sorted queue that survives a reload; an auditor sees the case
 * but no controls.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;

  @ArquillianResource URL deployment;

  private URI base() {
    return Api.at(deployment).base();
  }

  /** A claim of its own in a fresh article, captured over the API. */
  private long claim(String marker) {
    Api api = Api.at(deployment);
    String token = api.tokenFor("factchecker");
    String text = "Die Stadt meldete am Freitag " + marker + " neue Wohnungen im Jahr 2025.";
    var article =
        api.post(
                "api/articles",
                token,
                Json.createObjectBuilder().add("text", text).build().toString())
            .object();
    String reading = article.getString("text");
    int start = reading.indexOf(marker);
    return api.post(
            "api/claims",
            token,
            Json.createObjectBuilder()
                .add("articleId", article.getJsonObject("article").getJsonNumber("id").longValue())
                .add("start", start)
                .add("end", start + marker.length())
                .add("statement", "Die Stadt meldete " + marker + " neue Wohnungen.")
                .build()
                .toString())
        .object()
        .getJsonNumber("id")
        .longValue();
  }

  private static List<String> titles(DeskBrowser browser) {
    return browser.driver.findElements(By.cssSelector(".case-table a.case-link")).stream()
        .map(DeskBrowser::textOf)
        .toList();
  }

  @Test
  void aSupervisorOpensAndAssignsTheFactCheckerFindsItInMyCases() {
    String marker = "Fall" + UUID.randomUUID().toString().substring(0, 6);
    long claim = claim(marker);
    String caseTitle;
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signIn("supervisor", PASSWORD, "index.xhtml");
      browser.go("claims/view.xhtml?id=" + claim);
      browser.clickAndWaitForNewPage(By.id("case-link"));
      assertEquals("Fall eröffnen", browser.driver.findElement(By.tagName("h1")).getText());
      browser.visible("open:reason").sendKeys("Konkrete Zahl der Stadt, amtlich überprüfbar.");
      browser.visible("open:tags").sendKeys("Wohnen, Stadt");
      browser.clickAndWaitForNewPage(By.id("open:open-case"));
      browser.waitForInfoMessage("Fall eröffnet.");
      caseTitle = browser.text("case-title");
      assertTrue(caseTitle.contains(marker), caseTitle);
      assertEquals("niemandem", browser.text("assignees"));

      browser.driver.findElement(By.xpath("//label[normalize-space()='factchecker']")).click();
      browser.clickAndWaitForNewPage(By.id("assign:save-assignees"));
      browser.waitForInfoMessage("Fall gespeichert.");
      assertEquals("factchecker", browser.text("assignees"));
      assertTrue(browser.text("case-meta").contains("In Bearbeitung"), browser.text("case-meta"));
      browser.screenshot("case-de");
    }
    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.signIn("factchecker", PASSWORD, "index.xhtml");
      browser.go("cases/index.xhtml?queue=mine");
      assertTrue(titles(browser).contains(caseTitle), "My cases: " + titles(browser));
      assertFalse(browser.present("assign:save-assignees"));
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
      new WebDriverWait(browser.driver, Duration.ofSeconds(15))
          .until(d -> d.getCurrentUrl().contains("sort=title"));
      browser.driver.navigate().refresh();
      browser.waitUntilLoaded();
      assertEquals(marker, browser.visible("filter:text").getAttribute("value"));
      assertEquals(List.of(caseTitle), titles(browser));
      assertTrue(
          browser
              .driver
              .findElement(By.id("queue:case-table:by-title"))
              .getAttribute("class")
              .contains("ui-state-active"),
          "the reloaded table is still sorted by title");
    }
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signIn("auditor", PASSWORD, "index.xhtml");
      browser.go("cases/view.xhtml?claim=" + claim);
      assertEquals(caseTitle, browser.text("case-title"));
      assertFalse(browser.present("edit:save-case"), "auditors change nothing");
      assertFalse(browser.present("assign:save-assignees"));
      assertFalse(browser.present("take:take-case"));
    }
  }
}
