package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.claimdesk.browser.Texts.DemoArticle;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every demo role in a real (headless) browser: signing in through the login page, what the
 * dashboard shows, which pages each role may reach, reading a German article, the language switch,
 * API tokens, and user administration ending the sessions of a disabled person.
 *
 * <p>Demo accounts are only signed into (at most one wrong password per account, so the login
 * throttling never locks them) and never changed; administration is tried on a user this test
 * creates. Screenshots for the user guide land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;

  /** The demo accounts and the role each holds. */
  record DemoAccount(String username, String role) {
    boolean admin() {
      return role.equals("ADMIN");
    }
  }

  static final List<DemoAccount> DEMO_ACCOUNTS =
      List.of(
          new DemoAccount("factchecker", "FACT_CHECKER"),
          new DemoAccount("factchecker2", "FACT_CHECKER"),
          new DemoAccount("supervisor", "SUPERVISOR"),
          new DemoAccount("supervisor2", "SUPERVISOR"),
          new DemoAccount("auditor", "AUDITOR"),
          new DemoAccount("admin", "ADMIN"));

  static final String NORTH_KOREA_ARTICLE =
      "Russland ist bereit, Nordkorea zu bewaffnen – Drohung „unglaublich besorgniserregend“";

  @ArquillianResource URL deployment;

  /** Arquillian's URL names the machine's address; the browser talks to loopback only. */
  private URI base() {
    return Api.at(deployment).base();
  }

  @Test
  @Order(1)
  void everyDemoRoleSignsInSeesTheDashboardAndOnlyTheAdministratorReachesUsers() {

    for (DemoAccount account : DEMO_ACCOUNTS) {
      try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
        browser.signIn(account.username(), PASSWORD, "index.xhtml");
        String who = account.username() + ": ";

        // the dashboard, in German for a German browser
        assertEquals(
            "de",
            browser.driver.findElement(By.tagName("html")).getAttribute("lang"),
            who + "page language");
        assertEquals("Übersicht", browser.text("header:nav-dashboard"), who + "German navigation");
        assertEquals("Abmelden", browser.text("header:logout"), who + "German sign-out button");
        // other tests of the suite import articles too: the dashboard must agree with the archive
        Api api = Api.at(deployment);
        var newest = api.get("api/articles?limit=5", api.sharedToken("auditor")).object();
        assertEquals(
            String.valueOf(newest.getJsonNumber("total").longValue()),
            browser.text("article-count"),
            who + "article count on the dashboard");
        List<String> latest =
            browser.driver.findElements(By.cssSelector("#latest-articles li a")).stream()
                .map(DeskBrowser::textOf)
                .toList();
        assertEquals(
            newest.getJsonArray("items").stream()
                .map(i -> i.asJsonObject().getString("title"))
                .toList(),
            latest,
            who + "latest articles, newest first");
        WebElement whoBox = browser.visible("who");
        assertEquals(
            account.username(),
            DeskBrowser.textOf(whoBox.findElement(By.tagName("strong"))),
            who + "name in the header");
        List<String> chips =
            whoBox.findElements(By.className("role-chip")).stream()
                .map(DeskBrowser::textOf)
                .toList();
        assertEquals(
            List.of(msg("de", "role." + account.role())), chips, who + "role chips in the header");

        // only administrators see the Users link and tile, and reach the Users page
        assertEquals(
            account.admin(),
            browser.present("header:nav-accounts"),
            who + "Users link in the navigation");
        assertEquals(account.admin(), browser.present("account-count"), who + "user count tile");
        if (account.admin()) {
          assertEquals("Benutzer", browser.text("header:nav-accounts"));
          browser.clickAndWaitForNewPage(By.id("header:nav-accounts"));
          browser.waitForPage("admin/accounts.xhtml");
          assertEquals(
              msg("de", "accounts.title"), DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
          Set<String> usernames = usernamesInTable(browser);
          for (DemoAccount demo : DEMO_ACCOUNTS) {
            assertTrue(
                usernames.contains(demo.username()),
                "users table lists " + demo.username() + ": " + usernames);
          }
          browser.screenshotFullPage("users-de");
        } else {
          browser.go("admin/accounts.xhtml");
          assertEquals(
              msg("de", "error.forbidden.title"),
              browser.text("error-title"),
              who + "access denied to the Users page");
          assertTrue(
              browser.driver.findElements(By.id("accounts:list")).isEmpty(),
              who + "no users table on the error page");
          if (account.username().equals("factchecker")) {
            browser.screenshot("access-denied-de");
          }
        }

        // signing out ends the session: the dashboard and the articles need a new sign-in
        browser.go("index.xhtml");
        browser.signOut();
        // the back button may show the dashboard from the browser's cache, but nothing behind it
        // works
        browser.driver.navigate().back();
        browser.waitUntilLoaded();
        if (browser.present("header:nav-articles")) {
          browser.clickAndWaitForNewPage(By.id("header:nav-articles"));
          browser.waitForPage("login.xhtml");
        }
        browser.go("index.xhtml");
        browser.waitForPage("login.xhtml");
        browser.go("articles/index.xhtml");
        browser.waitForPage("login.xhtml");
        assertFalse(
            browser.present("header:logout"), who + "no signed-in header after signing out");
      }
    }
  }

  @Test
  @Order(2)
  void anonymousVisitorsSignInFirstAndThenReadTheArticleTheyAskedFor() {
    DemoArticle article = Texts.demoArticle(NORTH_KOREA_ARTICLE);
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.go("index.xhtml");
      browser.waitForPage("login.xhtml");
      browser.go("articles/index.xhtml");
      browser.waitForPage("login.xhtml");
      assertEquals("Anmelden", DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
      assertTrue(browser.present("demo-hint"), "demo mode hint on the login page");
      browser.screenshot("login-de");

      // a wrong password (the only one this test uses for this account) keeps the person out
      browser.submitLogin("auditor", "not-the-password");
      browser.waitForPage("login.xhtml");
      assertEquals(msg("de", "login.failed"), browser.waitForErrorMessage());
      assertFalse(browser.present("header:logout"), "not signed in after a wrong password");
      browser.screenshot("login-failed-de");

      // the right password leads to the page asked for before the login page: the articles list
      browser.submitLogin("auditor", PASSWORD);
      browser.waitForPage("articles/index.xhtml");
      List<WebElement> links =
          browser.driver.findElements(By.cssSelector("#articles\\:table a.article-link"));
      assertTrue(links.size() >= 5, "articles in the list: " + links.size());
      browser.screenshot("articles-de");

      WebElement link =
          links.stream()
              .filter(l -> DeskBrowser.textOf(l).equals(article.title()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no link titled "
                              + article.title()
                              + " in "
                              + links.stream().map(DeskBrowser::textOf).toList()));
      browser.clickAndWaitForNewPage(link);
      browser.waitForPage("articles/read.xhtml");
      assertReadingPageShows(browser, article);
      browser.screenshot("reading-de");

      browser.clickAndWaitForNewPage(By.id("back"));
      browser.waitForPage("articles/index.xhtml");
    }
  }

  @Test
  @Order(3)
  void anApiTokenFromTheTokensPageWorksUntilItIsRevoked() {
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signIn("supervisor2", PASSWORD, "index.xhtml");
      assertEquals("API-Token", browser.text("header:nav-tokens"));
      browser.clickAndWaitForNewPage(By.id("header:nav-tokens"));
      browser.waitForPage("account/tokens.xhtml");

      String name = "Recherche-Skript " + ThreadLocalRandom.current().nextInt(1000, 10000);
      String secret = createToken(browser, name);
      assertEquals(msg("de", "tokens.active"), tokenStatus(browser, name));
      browser.screenshot("tokens-de");

      Api api = Api.at(deployment);
      Api.Reply articles = api.get("api/articles", secret);
      assertEquals(200, articles.status(), articles.toString());
      assertTrue(articles.object().getJsonNumber("total").longValue() >= 5, articles.toString());

      revokeToken(browser, name, "de");
      assertFalse(browser.present("new-token"), "the secret is gone after revoking");
      Api.Reply refused = api.get("api/articles", secret);
      assertEquals(401, refused.status(), refused.toString());
    }
  }

  @Test
  @Order(4)
  void anEnglishBrowserGetsTheEnglishUserInterface() {
    DemoArticle article = Texts.demoArticle(NORTH_KOREA_ARTICLE);
    try (DeskBrowser browser = DeskBrowser.open(base(), "en")) {
      browser.go("index.xhtml");
      browser.waitForPage("login.xhtml");
      assertEquals("Sign in", DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
      browser.screenshot("login-en");

      browser.submitLogin("factchecker2", PASSWORD);
      browser.waitForPage("index.xhtml");
      assertEquals("en", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("Dashboard", browser.text("header:nav-dashboard"));
      assertEquals("Sign out", browser.text("header:logout"));
      // other tests of the suite import articles too: the dashboard must agree with the archive
      Api api = Api.at(deployment);
      assertEquals(
          String.valueOf(
              api.get("api/articles?limit=1", api.sharedToken("auditor"))
                  .object()
                  .getJsonNumber("total")
                  .longValue()),
          browser.text("article-count"));

      browser.clickAndWaitForNewPage(By.id("header:nav-articles"));
      browser.waitForPage("articles/index.xhtml");
      assertEquals(
          msg("en", "articles.title"), DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
      browser.screenshot("articles-en");

      WebElement link =
          browser.driver.findElements(By.cssSelector("#articles\\:table a.article-link")).stream()
              .filter(l -> DeskBrowser.textOf(l).equals(article.title()))
              .findFirst()
              .orElseThrow();
      browser.clickAndWaitForNewPage(link);
      browser.waitForPage("articles/read.xhtml");
      assertReadingPageShows(browser, article);
      assertEquals("← " + msg("en", "article.back"), browser.text("back"));
      browser.screenshot("reading-en");

      browser.clickAndWaitForNewPage(By.id("header:nav-tokens"));
      browser.waitForPage("account/tokens.xhtml");
      String name = "fact-check notebook " + ThreadLocalRandom.current().nextInt(1000, 10000);
      createToken(browser, name);
      browser.screenshot("tokens-en");
      revokeToken(browser, name, "en");

      browser.go("admin/accounts.xhtml");
      assertEquals("Access denied", browser.text("error-title"));
      browser.screenshot("access-denied-en");
    }

    try (DeskBrowser admin = DeskBrowser.open(base(), "en")) {
      admin.signIn("admin", PASSWORD, "index.xhtml");
      assertEquals("Users", admin.text("header:nav-accounts"));
      admin.clickAndWaitForNewPage(By.id("header:nav-accounts"));
      admin.waitForPage("admin/accounts.xhtml");
      assertTrue(
          usernamesInTable(admin)
              .containsAll(DEMO_ACCOUNTS.stream().map(DemoAccount::username).toList()));
      admin.screenshotFullPage("users-en");
      openEditDialog(admin, "factchecker");
      admin.screenshot("users-edit-dialog-en");
    }
  }

  @Test
  @Order(5)
  void anAdministratorManagesANewUserWhoseLanguageIsRememberedAndWhoseSessionsEnd() {
    String username = "browser-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String displayName = "Bea Browser";
    String password = "Browser-Test-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    try (DeskBrowser admin = DeskBrowser.open(base(), "de");
        DeskBrowser user = DeskBrowser.open(base(), "de");
        DeskBrowser secondDevice = DeskBrowser.open(base(), "de")) {
      // the administrator creates a fact-checker
      admin.signIn("admin", PASSWORD, "index.xhtml");
      admin.go("admin/accounts.xhtml");
      admin.visible("create:username").sendKeys(username);
      admin.visible("create:displayName").sendKeys(displayName);
      admin.visible("create:password").sendKeys(password);
      assertTrue(
          roleCheckbox(admin, "create", "FACT_CHECKER").isSelected(),
          "new users are fact-checkers by default");
      admin.visible("create:submit").click();
      admin.waitForInfoMessage(msg("de", "accounts.created", username));
      WebElement row = accountRow(admin, username);
      assertEquals(List.of(msg("de", "role.FACT_CHECKER")), chipsOf(row));
      assertEquals(msg("de", "accounts.yes"), enabledColumn(admin, username));

      // the new person signs in with a German browser and sees German ...
      user.signIn(username, password, "index.xhtml");
      assertEquals("Übersicht", user.text("header:nav-dashboard"));
      assertEquals("Abmelden", user.text("header:logout"));
      assertEquals(
          msg("de", "dashboard.welcome", displayName),
          DeskBrowser.textOf(user.visible(By.tagName("h1"))));
      assertFalse(user.present("header:nav-accounts"));

      // ... switches to English on the same page ...
      user.clickAndWaitForNewPage(By.id("header:lang-en"));
      user.waitForPage("index.xhtml");
      assertEquals("Dashboard", user.text("header:nav-dashboard"));
      assertEquals("Sign out", user.text("header:logout"));
      assertEquals("en", user.driver.findElement(By.tagName("html")).getAttribute("lang"));

      // ... and gets English at the next sign-in, also on another device with a German browser
      user.signOut();
      user.submitLogin(username, password);
      user.waitForPage("index.xhtml");
      assertEquals("Dashboard", user.text("header:nav-dashboard"));
      assertEquals("Sign out", user.text("header:logout"));
      secondDevice.signIn(username, password, "index.xhtml");
      assertEquals("Dashboard", secondDevice.text("header:nav-dashboard"));
      assertEquals("Sign out", secondDevice.text("header:logout"));

      // new roles end the person's sessions, so that they apply at once
      openEditDialog(admin, username);
      WebElement supervisor = roleCheckbox(admin, "edit", "SUPERVISOR");
      assertFalse(supervisor.isSelected());
      admin
          .driver
          .findElement(By.cssSelector("label[for='" + supervisor.getAttribute("id") + "']"))
          .click();
      admin.wait.until(d -> roleCheckbox(admin, "edit", "SUPERVISOR").isSelected());
      admin.visible("edit:saveRoles").click();
      admin.waitForInfoMessage(msg("de", "accounts.rolesSaved", username));
      admin.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));
      admin.wait.until(
          d ->
              chipsOf(accountRow(admin, username))
                  .equals(List.of(msg("de", "role.FACT_CHECKER"), msg("de", "role.SUPERVISOR"))));

      // nobody changes their own roles: in the administrator's own row they are locked, and why
      openEditDialog(admin, "admin");
      assertEquals(msg("de", "accounts.ownRoles"), admin.text("edit:own-roles"));
      assertFalse(roleCheckbox(admin, "edit", "SUPERVISOR").isEnabled(), "own roles are locked");
      assertFalse(admin.visible("edit:saveRoles").isEnabled(), "and cannot be saved");
      admin.visible(By.cssSelector("#editDialog .ui-dialog-titlebar-close")).click();
      admin.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editDialog")));

      user.go("index.xhtml");
      user.waitForPage("login.xhtml");
      secondDevice.go("articles/index.xhtml");
      secondDevice.waitForPage("login.xhtml");
      user.submitLogin(username, password);
      user.waitForPage("index.xhtml");
      assertEquals(
          List.of(msg("en", "role.FACT_CHECKER"), msg("en", "role.SUPERVISOR")),
          user.visible("who").findElements(By.className("role-chip")).stream()
              .map(DeskBrowser::textOf)
              .toList());
      secondDevice.submitLogin(username, password);
      secondDevice.waitForPage("articles/index.xhtml");

      // disabling ends every session of the person at once, and they cannot sign in any more
      accountRow(admin, username).findElement(By.cssSelector("button[id$=':disable']")).click();
      admin.waitForInfoMessage(msg("de", "accounts.disabled", username));
      admin.wait.until(d -> msg("de", "accounts.no").equals(enabledColumn(admin, username)));
      assertFalse(
          accountRow(admin, username)
              .findElements(By.cssSelector("button[id$=':enable']"))
              .isEmpty());

      user.go("index.xhtml");
      user.waitForPage("login.xhtml");
      secondDevice.go("articles/index.xhtml");
      secondDevice.waitForPage("login.xhtml");
      user.submitLogin(username, password);
      user.waitForPage("login.xhtml");
      assertEquals(msg("de", "login.failed"), user.waitForErrorMessage());
      assertFalse(user.present("header:logout"));

      // the administrator's own session is untouched
      admin.go("index.xhtml");
      admin.waitForPage("index.xhtml");
      assertTrue(admin.present("header:nav-accounts"));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * The reading page shows the title and every paragraph of the seed file, character for character.
   */
  private static void assertReadingPageShows(DeskBrowser browser, DemoArticle article) {
    assertEquals(article.title(), browser.text("article-title"));
    assertTrue(
        browser.driver.getTitle().startsWith(article.title()),
        "window title " + browser.driver.getTitle());
    List<String> shown =
        browser.visible("article-text").findElements(By.tagName("p")).stream()
            .map(DeskBrowser::textOf)
            .toList();
    assertEquals(
        article.paragraphs(), shown, "the reading text equals the cleaned seed's paragraphs");
    String text = browser.text("article-text");
    for (String intact :
        List.of(
            "„unglaublich besorgniserregend“",
            "US-Außenministerium",
            "Südkoreas",
            "würden",
            "befürchtet")) {
      assertTrue(text.contains(intact), "the reading text contains " + intact);
    }
  }

  private static Set<String> usernamesInTable(DeskBrowser browser) {
    browser.visible("accounts:list");
    return browser.driver.findElements(By.cssSelector("#accounts\\:list span.username")).stream()
        .map(DeskBrowser::textOf)
        .collect(Collectors.toSet());
  }

  private static WebElement accountRow(DeskBrowser browser, String username) {
    return browser.visible(
        By.xpath(
            "//tbody[@id='accounts:list_data']/tr[.//span[@class='username' and normalize-space(.)='"
                + username
                + "']]"));
  }

  private static List<String> chipsOf(WebElement row) {
    return row.findElements(By.className("role-chip")).stream().map(DeskBrowser::textOf).toList();
  }

  /** The "Active" column of a user's row (the fourth). */
  private static String enabledColumn(DeskBrowser browser, String username) {
    return browser.cellText(accountRow(browser, username).findElements(By.tagName("td")).get(3));
  }

  private static WebElement roleCheckbox(DeskBrowser browser, String form, String role) {
    return browser.driver.findElement(
        By.xpath(
            "//input[@type='checkbox' and @name='" + form + ":roles' and @value='" + role + "']"));
  }

  private static void openEditDialog(DeskBrowser browser, String username) {
    accountRow(browser, username).findElement(By.cssSelector("button[id$=':edit']")).click();
    browser.visible("editDialog");
    browser.visible("edit:saveRoles");
  }

  /** Creates a token on the tokens page and returns its secret, shown once. */
  private static String createToken(DeskBrowser browser, String name) {
    WebElement field = browser.visible("tokens:name");
    field.clear();
    field.sendKeys(name);
    browser.visible("tokens:create").click();
    String secret = browser.text("new-token");
    assertTrue(secret.startsWith("cdk_"), "token secret " + secret);
    String prefix = browser.cellText(tokenRow(browser, name).findElements(By.tagName("td")).get(1));
    assertTrue(
        prefix.endsWith("…") && secret.startsWith(prefix.substring(0, prefix.length() - 1)),
        "the list shows the secret's prefix " + prefix);
    return secret;
  }

  private static void revokeToken(DeskBrowser browser, String name, String language) {
    tokenRow(browser, name).findElement(By.cssSelector("button[id$=':revoke']")).click();
    browser.waitForInfoMessage(msg(language, "tokens.revokedMessage"));
    browser.wait.until(d -> msg(language, "tokens.revoked").equals(tokenStatus(browser, name)));
    assertTrue(
        tokenRow(browser, name).findElements(By.cssSelector("button[id$=':revoke']")).isEmpty(),
        "no revoke button any more");
  }

  private static WebElement tokenRow(DeskBrowser browser, String name) {
    return browser.visible(
        By.xpath(
            "//tbody[@id='tokens:list_data']/tr[td[1]/text()[normalize-space(.)='" + name + "']]"));
  }

  private static String tokenStatus(DeskBrowser browser, String name) {
    return browser.cellText(tokenRow(browser, name).findElements(By.tagName("td")).get(4));
  }
}
