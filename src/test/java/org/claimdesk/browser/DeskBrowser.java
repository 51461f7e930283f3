package org.claimdesk.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.claimdesk.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless browser on ClaimDesk's pages: navigation, signing in and out, and the waits that
 * make full-page (non-Ajax) submits and Ajax updates safe to assert on. Never sleeps.
 */
final class DeskBrowser implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  final WebDriver driver;
  final URI base;
  final String language;
  final FluentWait<WebDriver> wait;

  private DeskBrowser(WebDriver driver, URI base, String language) {
    this.driver = driver;
    this.base = base;
    this.language = language;
    this.wait = waiting();
  }

  /** A fresh browser (own profile, no cookies) whose Accept-Language is {@code language}. */
  static DeskBrowser open(URI base, String language) {
    return new DeskBrowser(Browser.open(language), base, language);
  }

  /** The same with a window of {@code size}, e.g. a phone's 390×844. */
  static DeskBrowser open(URI base, String language, Dimension size) {
    DeskBrowser browser = open(base, language);
    browser.driver.manage().window().setSize(size);
    return browser;
  }

  /** A wait that tolerates the DOM being replaced under it (Ajax updates, page loads). */
  private FluentWait<WebDriver> waiting() {
    return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
  }

  // ---- navigation -------------------------------------------------------------------------

  /** Types the address into the address bar, so to speak: a plain GET. */
  DeskBrowser go(String page) {
    driver.get(base.resolve(page).toString());
    waitUntilLoaded();
    return this;
  }

  /** The page's path relative to the application, e.g. {@code login.xhtml}. */
  String page() {
    String path = URI.create(driver.getCurrentUrl()).getPath();
    String root = base.getPath();
    return path.startsWith(root) ? path.substring(root.length()) : path;
  }

  void waitForPage(String page) {
    waiting()
        .withMessage(() -> "expected page " + page + " but the browser is on " + page())
        .until(d -> page().equals(page));
    waitUntilLoaded();
  }

  /**
   * Clicks something that submits a whole page (ajax="false", links) and waits for the next page.
   */
  /**
   * The old page's root is gone. ChromeDriver reports that either as a stale element or, right
   * after a navigation, as "Node with given id does not belong to the document".
   */
  private static ExpectedCondition<Boolean> replaced(WebElement oldRoot) {
    return driver -> {
      try {
        oldRoot.isEnabled();
        return false;
      } catch (StaleElementReferenceException gone) {
        return true;
      } catch (WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  void clickAndWaitForNewPage(By target) {
    WebElement html = driver.findElement(By.tagName("html"));
    wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    wait.until(replaced(html));
    waitUntilLoaded();
  }

  void clickAndWaitForNewPage(WebElement target) {
    WebElement html = driver.findElement(By.tagName("html"));
    target.click();
    wait.until(replaced(html));
    waitUntilLoaded();
  }

  /** Clicks something that sends an Ajax request and waits until PrimeFaces has handled it. */
  void clickAndWaitForAjax(By target) {
    wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    waitForAjax();
  }

  /** Waits until PrimeFaces has no Ajax request queued and no button shows its loading state. */
  void waitForAjax() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty()")));
    wait.until(d -> d.findElements(By.cssSelector(".ui-state-loading")).isEmpty());
    checkAccessibility();
  }

  void waitUntilLoaded() {
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    checkAccessibility();
  }

  // ---- accessibility ----------------------------------------------------------------------

  /**
   * The states axe has checked in this test JVM: page (one for all public fact-check pages), role
   * (factchecker2 as factchecker), phone or wide window, error messages shown or not, and the
   * dialogs and pop-ups open. Each is checked once, in whichever language reaches it first: that
   * keeps the suite fast, and the pages' markup does not depend on the language.
   */
  private static final Set<String> AXE_CHECKED = ConcurrentHashMap.newKeySet();

  /**
   * Runs axe-core ({@link Axe}) on what the browser shows, the first time this state is seen:
   * called after every page load and every Ajax update, so every page and dialog the browser tests
   * visit is checked. Fails on any critical or serious violation.
   */
  void checkAccessibility() {
    if (!driver.getCurrentUrl().startsWith(base.toString()) || page().startsWith("api/")) {
      return;
    }
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // opening and closing effects settle first (half-faded text has no definite contrast), and
    // date pickers name their calendar buttons (PrimeFaces does so just after an Ajax update); a
    // state that never settles is checked as it is after three seconds
    try {
      new WebDriverWait(driver, Duration.ofSeconds(3))
          .ignoring(WebDriverException.class)
          .until(
              d ->
                  Boolean.TRUE.equals(
                      js.executeScript(
                          "return !(window.jQuery && jQuery(':animated').length)"
                              + " && document.getAnimations().every(a => a.playState !== 'running'"
                              + " || a.effect.getTiming().iterations === Infinity)"
                              + " && !document.querySelector('.ui-datepicker-trigger:not([aria-label])')")));
    } catch (org.openqa.selenium.TimeoutException unsettled) {
      // axe reports what is still wrong
    }
    String state =
        (String)
            js.executeScript(
                """
                if (document.contentType !== 'text/html') return null;
                const shown = e => e.getClientRects().length > 0
                    && getComputedStyle(e).visibility !== 'hidden';
                const popups = [...document.querySelectorAll(
                    '.ui-dialog, .ui-overlaypanel, .ui-datepicker, .ui-autocomplete-panel')]
                  .filter(shown).map(e => e.id || e.className.split(' ')[0]);
                const who = document.querySelector('#who strong');
                const errors = [...document.querySelectorAll('.ui-messages-error, .ui-state-error')]
                  .some(shown);
                return [location.pathname.replace(new RegExp('/factchecks/.+'), '/factchecks/*'),
                    who ? who.textContent.trim().replace(/[0-9]+$/, '') : '-',
                    window.innerWidth < 600 ? 'phone' : 'wide',
                    errors ? 'with errors' : '', popups.join('+')].join(' ');
                """);
    if (state != null && AXE_CHECKED.add(state)) {
      Axe.check(driver, state + " [" + language + "]");
    }
  }

  /**
   * Types a day into a date picker as a person would (20.06.2024 in German, ISO in any language);
   * typing never opens the calendar.
   */
  void typeDate(String id, String day) {
    WebElement field = visible(id + "_input");
    field.clear();
    field.sendKeys(day);
    if (calendarOpen(id)) {
      throw new AssertionError("typing into " + id + " opened its calendar");
    }
  }

  /** Whether the calendar of this date picker is shown. */
  boolean calendarOpen(String id) {
    return driver.findElements(By.id(id + "_panel")).stream().anyMatch(WebElement::isDisplayed);
  }

  // ---- signing in and out -----------------------------------------------------------------

  /** Fills the real login form and submits it; the browser must be on the login page. */
  void submitLogin(String username, String password) {
    waitForPage("login.xhtml");
    WebElement user =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
    user.clear();
    user.sendKeys(username);
    WebElement secret = driver.findElement(By.id("login:password"));
    secret.clear();
    secret.sendKeys(password);
    clickAndWaitForNewPage(By.id("login:submit"));
  }

  /** Opens the login page, signs in and waits for the page the application sends to. */
  void signIn(String username, String password, String expectedPage) {
    go("login.xhtml");
    submitLogin(username, password);
    waitForPage(expectedPage);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("header:logout")));
  }

  /**
   * Session cookies of accounts this server signed in through the login form, by server and user
   * name: each sign-in costs a 600,000-iteration password hash (seconds on a busy machine).
   */
  private static final Map<String, Cookie> SESSIONS = new ConcurrentHashMap<>();

  /**
   * Signed in as {@code username} on {@code expectedPage}, for tests that are not about signing in
   * (RoleBrowserIT tests the login form for every role): the first time per server through the real
   * login form ({@link #signIn}), later with that session's cookie, exactly as the browser received
   * it. A session that has ended (timed out, signed out) leads to the login page: then the login
   * form again.
   */
  void signInOnce(String username, String password, String expectedPage) {
    String key = base + " " + username;
    Cookie session = SESSIONS.get(key);
    if (session != null) {
      go("api/health"); // any page of the server, so that the browser takes its cookie
      driver.manage().addCookie(session);
      go(expectedPage);
      if (page().equals(expectedPage)
          && present("header:logout")
          && !driver.findElements(By.cssSelector("#who strong")).isEmpty()
          && username.equals(textOf(driver.findElement(By.cssSelector("#who strong"))))) {
        return;
      }
      SESSIONS.remove(key, session);
      driver.manage().deleteAllCookies();
    }
    signIn(username, password, expectedPage);
    Cookie granted = driver.manage().getCookieNamed("JSESSIONID");
    if (granted != null) {
      SESSIONS.put(key, granted);
    }
  }

  void signOut() {
    clickAndWaitForNewPage(By.id("header:logout"));
    waitForPage("login.xhtml");
  }

  /**
   * Clicks the button that opens a dialog and waits until the dialog has put the cursor into {@code
   * focusedId}, as a person waits for it to open: keys typed before that follow the focus when it
   * moves, into the wrong field.
   */
  void openDialog(String buttonId, String focusedId) {
    visible(buttonId).click();
    wait.until(
        d ->
            focusedId.equals(
                ((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
  }

  // ---- reading the page -------------------------------------------------------------------

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  WebElement visible(String id) {
    return visible(By.id(id));
  }

  /** The element's exact text content (no whitespace collapsing, entities decoded), stripped. */
  String text(String id) {
    return textOf(visible(id));
  }

  String text(By locator) {
    return textOf(visible(locator));
  }

  static String textOf(WebElement element) {
    return element.getDomProperty("textContent").strip();
  }

  /**
   * A table cell's text ({@link #textOf}) without the column title PrimeFaces repeats inside each
   * cell of a table that reflows on phones ({@code reflow="true"}; hidden on wide screens).
   */
  String cellText(WebElement cell) {
    return ((String)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const c = arguments[0].cloneNode(true);"
                        + " c.querySelectorAll('.ui-column-title').forEach(t => t.remove());"
                        + " return c.textContent;",
                    cell))
        .strip();
  }

  boolean present(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  /** The first visible error message of {@code p:messages}, if any. */
  Optional<String> errorMessage() {
    List<WebElement> errors = driver.findElements(By.cssSelector(".ui-messages-error-summary"));
    return errors.stream().filter(WebElement::isDisplayed).map(DeskBrowser::textOf).findFirst();
  }

  String waitForErrorMessage() {
    return waiting()
        .withMessage("no error message on " + page())
        .until(d -> errorMessage().orElse(null));
  }

  /**
   * Waits until {@code p:messages} shows exactly this info message (Ajax updates replace old ones).
   */
  void waitForInfoMessage(String expected) {
    waiting()
        .withMessage(() -> "no info message '" + expected + "' on " + page())
        .until(
            d ->
                d.findElements(By.cssSelector(".ui-messages-info-summary")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(DeskBrowser::textOf)
                    .anyMatch(expected::equals));
  }

  // ---- screenshots ------------------------------------------------------------------------

  /** A screenshot of the visible window, once Ajax has settled. */
  Path screenshot(String name) {
    waitForAjax();
    return Browser.screenshot(driver, name);
  }

  /** A screenshot of the whole page: the window grows to the page's height (at most 1800 px). */
  Path screenshotFullPage(String name) {
    waitForAjax();
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Dimension before = driver.manage().window().getSize();
    int pageHeight =
        ((Number)
                js.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
            .intValue();
    int viewport = ((Number) js.executeScript("return window.innerHeight")).intValue();
    if (pageHeight <= viewport) {
      return Browser.screenshot(driver, name);
    }
    int wanted = Math.min(1800, before.getHeight() + pageHeight - viewport);
    try {
      driver.manage().window().setSize(new Dimension(before.getWidth(), wanted));
      wait.until(
          d -> ((Number) js.executeScript("return window.innerHeight")).intValue() > viewport);
      return Browser.screenshot(driver, name);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
