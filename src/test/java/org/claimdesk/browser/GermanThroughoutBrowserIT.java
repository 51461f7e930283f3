package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * German throughout: the main pages of each role and the refusals people meet most often, in a
 * German browser, show no text of the English bundle that has a German one (fragments of at least a
 * few words, so shared words such as "Status" do not count), and each refusal reads in German.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GermanThroughoutBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;

  /** Fragments of English bundle texts no German text contains: none may show in German. */
  static final Set<String> ENGLISH_ONLY = englishOnly();

  @ArquillianResource URL deployment;

  private URI base() {
    return Api.at(deployment).base();
  }

  @Test
  void mainPagesAndCommonRefusalsOfEveryRoleReadInGerman() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    long caseId = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Texts.DemoArticle seed = Texts.demoArticles().get(0);
    List<String> english = new ArrayList<>();
    assertTrue(
        ENGLISH_ONLY.containsAll(
            List.of(msg("en", "refusal.note.empty"), msg("en", "refusal.source.name"))),
        "the English texts looked for include the refusals");

    // one browser, one person after the other (a browser start is the dearest step here)
    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      DeskBrowser lena = as(browser, "factchecker");
      walk(
          lena,
          english,
          "index.xhtml",
          "cases/index.xhtml",
          "articles/index.xhtml",
          "claims/index.xhtml",
          "inbox/index.xhtml",
          "search.xhtml?q=Nordkorea",
          "cases/view.xhtml?id=" + caseId);

      // a note without text
      lena.visible("note-form:note-body").sendKeys("   ");
      lena.clickAndWaitForAjax(By.id("note-form:write-note"));
      assertGerman(lena.waitForErrorMessage(), "refusal.note.empty");
      english.addAll(englishOn(lena));

      // a source without a name
      lena.go("sources/index.xhtml");
      lena.visible("register:name").sendKeys("   ");
      lena.clickAndWaitForNewPage(By.id("register:register-source"));
      assertGerman(lena.waitForErrorMessage(), "refusal.source.name");
      english.addAll(englishOn(lena));

      // an article imported before, pasted again; a page on a host that does not exist
      lena.go("articles/import.xhtml");
      WebElement text = lena.visible("ways:paste-form:text");
      ((JavascriptExecutor) lena.driver)
          .executeScript(
              "arguments[0].value = arguments[1];", text, String.join("\n\n", seed.paragraphs()));
      lena.clickAndWaitForAjax(By.id("ways:paste-form:import-text"));
      String duplicate = newestOutcome(lena);
      assertTrue(
          duplicate.startsWith(msg("de", "refusal.article.duplicate").split("\\{")[0]), duplicate);
      lena.visible(By.linkText(msg("de", "import.url"))).click();
      lena.visible("ways:url-form:url").sendKeys("http://claimdesk-test.invalid/artikel");
      lena.clickAndWaitForAjax(By.id("ways:url-form:import-url"));
      lena.wait.until(d -> !newestOutcome(lena).equals(duplicate));
      assertGerman(newestOutcome(lena), "refusal.fetch.unknownHost", "claimdesk-test.invalid");
      english.addAll(englishOn(lena));

      // a fact-checker who does not work the case is told why there is no form, in German;
      // the service refuses the same change when it comes over the API (recorded in the log)
      DeskBrowser colleague = as(browser, "factchecker2");
      colleague.go("cases/view.xhtml?id=" + caseId);
      assertFalse(colleague.present("edit:save-case"), "no form for a change one may not make");
      assertEquals(msg("de", "evidence.notYours"), colleague.text("evidence-not-yours"));
      english.addAll(englishOn(colleague));
      String colleagueToken = api.sharedToken("factchecker2");
      long version =
          api.get("api/cases/" + caseId, colleagueToken)
              .object()
              .getJsonNumber("version")
              .longValue();
      Api.Reply refused =
          api.send(
              "PATCH",
              "api/cases/" + caseId,
              colleagueToken,
              "{\"version\":" + version + ",\"title\":\"Nicht meiner\"}",
              "Accept-Language",
              "de");
      assertEquals(403, refused.status(), refused.toString());
      assertEquals(
          msg("de", "refusal.case.notOnCase", caseId), refused.object().getString("detail"));

      DeskBrowser jonas = as(browser, "supervisor");
      walk(jonas, english, "cases/index.xhtml?queue=team", "cases/view.xhtml?id=" + caseId);

      // the refusals above are in the log, recorded in English, read in German
      DeskBrowser weber = as(browser, "auditor");
      walk(
          weber,
          english,
          "audit/log.xhtml",
          "audit/history.xhtml?type=case&id=" + caseId,
          "audit/log.xhtml?action=access.refused&actor=factchecker2");
      String reasons = weber.text("events:table");
      assertTrue(reasons.contains(msg("de", "refusal.case.notOnCase", caseId)), reasons);

      walk(as(browser, "admin"), english, "admin/accounts.xhtml", "account/tokens.xhtml");
    }

    assertEquals(List.of(), english, "English texts on German pages");
  }

  /** The browser signed in as {@code username} instead of whoever was before. */
  private static DeskBrowser as(DeskBrowser browser, String username) {
    browser.driver.manage().deleteAllCookies();
    browser.signInOnce(username, PASSWORD, "index.xhtml");
    return browser;
  }

  private static void walk(DeskBrowser browser, Collection<String> english, String... pages) {
    for (String page : pages) {
      browser.go(page);
      english.addAll(englishOn(browser));
    }
  }

  /** The English fragments the page shows, as "page: fragment". */
  private static List<String> englishOn(DeskBrowser browser) {
    String shown =
        (String)
            ((JavascriptExecutor) browser.driver)
                .executeScript(
                    "let t = document.body.innerText;"
                        + " for (const e of document.querySelectorAll("
                        + "'[placeholder],[title],[aria-label]')) {"
                        + " t += '\\n' + (e.getAttribute('placeholder') || '')"
                        + " + '\\n' + (e.getAttribute('title') || '')"
                        + " + '\\n' + (e.getAttribute('aria-label') || ''); }"
                        + " return t;");
    return ENGLISH_ONLY.stream()
        .filter(shown::contains)
        .map(f -> browser.page() + ": " + f)
        .toList();
  }

  private static String newestOutcome(DeskBrowser browser) {
    return browser.text(By.cssSelector("#outcome-list .outcome-message"));
  }

  private static void assertGerman(String shown, String key, Object... arguments) {
    assertEquals(msg("de", key, arguments), shown);
    assertTrue(!shown.equals(msg("en", key, arguments)), "not the English text: " + shown);
  }

  /**
   * The fixed parts (between arguments) of English texts whose German differs, at least 14
   * characters and two words long, and found in no German text.
   */
  static Set<String> englishOnly() {
    Properties en = Texts.bundle("en");
    Properties de = Texts.bundle("de");
    Collection<Object> german = de.values();
    Set<String> fragments = new TreeSet<>();
    for (String key : en.stringPropertyNames()) {
      String english = en.getProperty(key);
      if (english.equals(de.getProperty(key))) {
        continue;
      }
      for (String part : english.replace("''", "'").split("\\{[^}]*}")) {
        String fragment = part.strip();
        if (fragment.length() >= 14
            && fragment.contains(" ")
            && german.stream().noneMatch(g -> ((String) g).contains(fragment))) {
          fragments.add(fragment);
        }
      }
    }
    return fragments;
  }
}
