package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Articles;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The desk on a phone (390×844) in German and English: no page scrolls sideways, the capture dialog
 * fits the screen, sign-out is on screen, the stance is a radio group the arrow keys move through;
 * and the same pages on a laptop (1440×900). axe-core checks every page on the way (DeskBrowser).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension LAPTOP = new Dimension(1440, 900);

  /** An address without a single break opportunity, as pasted from a tracking link. */
  static final String LONG_URL =
      "https://example.org/statistik/"
          + "antraege-2023-nach-bundeslaendern-und-monaten-bereinigt-vorlaeufig-stand-maerz"
          + "?utm_source=newsletter&utm_medium=email&utm_campaign=faktencheck-2024-06-20";

  @ArquillianResource URL deployment;

  private URI base() {
    return Api.at(deployment).base();
  }

  @Test
  void everyMainPageFitsAPhoneInGermanAndEnglish() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    String checker = api.sharedToken("factchecker");
    long published = desk.publishedCase("FALSE").getJsonNumber("id").longValue();
    String slug =
        api.get("api/cases/" + published + "/verdict", checker).object().getString("slug");
    long working = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Api.Reply evidence =
        api.post(
            "api/cases/" + working + "/evidence",
            checker,
            Json.createObjectBuilder()
                .add("kind", "document")
                .add("stance", "SUPPORTS")
                .add("summary", "Die Statistik der Behörde bestätigt die Zahl.")
                .add("url", LONG_URL)
                .build()
                .toString());
    assertEquals(201, evidence.status(), evidence.toString());
    long article = Articles.oldestFirst(api, checker).get(0).getJsonNumber("id").longValue();

    for (String language : List.of("de", "en")) {
      try (DeskBrowser phone = DeskBrowser.open(base(), language, PHONE)) {
        assertEquals(390L, js(phone, "return window.innerWidth"), "a phone's width");
        phone.signInOnce("factchecker", PASSWORD, "index.xhtml");
        assertFits(phone);

        phone.go("articles/read.xhtml?id=" + article + "&select=0-60");
        assertFits(phone);
        phone.screenshot("phone-reader-" + language);
        phone.wait.until(d -> phone.visible("new-claim").isEnabled());
        new Actions(phone.driver).sendKeys("n").perform();
        phone.visible("capture:statement");
        assertDialogFits(phone, "capture-dialog");
        phone.screenshot("phone-capture-" + language);
        phone.visible("capture:cancel").click();
        phone.wait.until(
            d ->
                phone.driver.findElements(By.id("capture-dialog")).stream()
                    .noneMatch(WebElement::isDisplayed));

        for (String queue : List.of("cases/index.xhtml", "cases/index.xhtml?queue=all")) {
          phone.go(queue);
          assertTrue(phone.present("queue:case-table"), queue);
          assertFits(phone);
        }
        phone.screenshotFullPage("phone-cases-" + language);
        phone.go("claims/index.xhtml");
        assertFits(phone);
        phone.go("inbox/index.xhtml");
        assertFits(phone);

        phone.go("cases/view.xhtml?id=" + working);
        assertFits(phone);
        phone.screenshotFullPage("phone-case-" + language);
        assertStanceIsARadioGroup(phone);
        phone.go("cases/view.xhtml?id=" + published);
        assertFits(phone);
        phone.go("factchecks/" + slug);
        assertFits(phone);
        phone.screenshotFullPage("phone-public-" + language);

        phone.go("index.xhtml");
        assertOnScreen(phone, "header:logout");
        phone.screenshot("phone-dashboard-" + language);
        assertEquals(msg(language, "nav.logout"), phone.text("header:logout"));
        phone.signOut();

        phone.signInOnce("auditor", PASSWORD, "index.xhtml");
        phone.go("audit/log.xhtml?case=" + published);
        assertFits(phone);
        phone.clickAndWaitForNewPage(By.id("tools:story"));
        phone.waitForPage("audit/history.xhtml");
        assertFits(phone);
        phone.screenshot("phone-audit-story-" + language);
      }
    }

    try (DeskBrowser laptop = DeskBrowser.open(base(), "de", LAPTOP)) {
      laptop.signInOnce("factchecker", PASSWORD, "index.xhtml");
      laptop.go("articles/read.xhtml?id=" + article + "&select=0-60");
      laptop.wait.until(d -> laptop.visible("new-claim").isEnabled());
      new Actions(laptop.driver).sendKeys("n").perform();
      laptop.visible("capture:statement");
      assertDialogFits(laptop, "capture-dialog");
      laptop.screenshot("laptop-capture-de");
      laptop.go("cases/view.xhtml?id=" + working);
      assertFits(laptop);
      laptop.screenshotFullPage("laptop-case-de");
      laptop.go("cases/index.xhtml?queue=all");
      assertFits(laptop);
      laptop.screenshot("laptop-cases-de");
    }
  }

  /** No sideways scrolling: the page is no wider than the window. */
  @SuppressWarnings("unchecked")
  private static void assertFits(DeskBrowser browser) {
    browser.waitForAjax();
    Map<String, Object> page =
        (Map<String, Object>)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    """
                    const width = document.documentElement.clientWidth;
                    const wider = [...document.querySelectorAll('body *')].filter(e => {
                        const r = e.getBoundingClientRect();
                        return r.width > 0 && r.right > width + 1;
                      }).slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (typeof e.className === 'string' && e.className
                            ? '.' + e.className.trim().split(/ +/)[0] : ''));
                    return {scroll: document.documentElement.scrollWidth, width: width,
                        wider: wider.join(', ')};
                    """);
    long scroll = ((Number) page.get("scroll")).longValue();
    long width = ((Number) page.get("width")).longValue();
    assertTrue(
        scroll <= width,
        browser.page()
            + " scrolls sideways: "
            + scroll
            + " px wide in a "
            + width
            + " px window; wider: "
            + page.get("wider"));
  }

  /** The dialog lies wholly inside the window. */
  @SuppressWarnings("unchecked")
  private static void assertDialogFits(DeskBrowser browser, String id) {
    browser.waitForAjax();
    WebElement dialog = browser.visible(id);
    Map<String, Object> box =
        (Map<String, Object>)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    """
                    const r = arguments[0].getBoundingClientRect();
                    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                        width: document.documentElement.clientWidth, height: window.innerHeight};
                    """,
                    dialog);
    double left = ((Number) box.get("left")).doubleValue();
    double top = ((Number) box.get("top")).doubleValue();
    double right = ((Number) box.get("right")).doubleValue();
    double bottom = ((Number) box.get("bottom")).doubleValue();
    assertTrue(
        left >= 0
            && top >= 0
            && right <= ((Number) box.get("width")).doubleValue()
            && bottom <= ((Number) box.get("height")).doubleValue(),
        id + " does not fit the window: " + box);
  }

  /** The element is inside the window as the page opens, without scrolling. */
  private static void assertOnScreen(DeskBrowser browser, String id) {
    WebElement element = browser.visible(id);
    Object inside =
        ((JavascriptExecutor) browser.driver)
            .executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return window.scrollY === 0 && r.left >= 0 && r.top >= 0"
                    + " && r.right <= document.documentElement.clientWidth"
                    + " && r.bottom <= window.innerHeight;",
                element);
    assertEquals(Boolean.TRUE, inside, id + " is off screen");
  }

  /**
   * The stance is a radio group: one focusable choice, and the arrow keys move the choice, as in
   * any radio group (Kontext is chosen first; the left arrow moves to Widerlegt).
   */
  private static void assertStanceIsARadioGroup(DeskBrowser browser) {
    WebElement group = browser.visible(By.cssSelector("[id='evidence-form:stance']"));
    assertEquals("radiogroup", group.getDomAttribute("role"));
    WebElement chosen = group.findElement(By.cssSelector("input[type=radio]:checked"));
    assertEquals("CONTEXT", chosen.getDomProperty("value"));
    ((JavascriptExecutor) browser.driver).executeScript("arguments[0].focus()", chosen);
    new Actions(browser.driver).sendKeys(Keys.ARROW_LEFT).perform();
    browser.wait.until(
        d ->
            "REFUTES"
                .equals(
                    group
                        .findElement(By.cssSelector("input[type=radio]:checked"))
                        .getDomProperty("value")));
  }

  private static Object js(DeskBrowser browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver).executeScript(script, arguments);
  }
}
