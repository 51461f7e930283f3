package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The queues as a desk, in German and in English: Jonas starts at the team queue, sees a claim
 * nobody has opened a case for, opens it from its row and assigns it in two clicks, seeing each
 * person's open and overdue cases (and gets a message, not an error page, when another supervisor
 * assigned the case between his two clicks); Lena starts at My cases and finds the verdict that
 * came back from review with the reviewer's reason, and the note that mentions her; the inbox says
 * why too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueueBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;

  @ArquillianResource URL deployment;

  @Test
  void jonasOpensAClaimsCaseFromTheTeamQueueAndAssignsItInTwoClicks() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    String supervisorToken = api.sharedToken("supervisor");
    for (String lang : List.of("de", "en")) {
      long claimId = desk.newClaim(api.sharedToken("factchecker"));
      JsonObject claim = api.get("api/claims/" + claimId, supervisorToken).object();
      String statement = claim.getString("statement");
      String marker = statement.substring(0, 8);
      try (DeskBrowser jonas = DeskBrowser.open(api.base(), lang)) {
        jonas.signInOnce("supervisor", PASSWORD, "index.xhtml");
        // the text filter narrows the cases; the claims without a case are listed regardless
        jonas.go("cases/index.xhtml?queue=team&q=" + marker);
        assertTrue(
            jonas.text("unopened-heading").startsWith(msg(lang, "desk.claimsWithoutCase")),
            jonas.text("unopened-heading"));
        int waiting = Integer.parseInt(jonas.text("unopened-count").replaceAll("\\D", ""));
        assertEquals("· " + msg(lang, "desk.claims", waiting), jonas.text("unopened-count"));
        By open = By.cssSelector("button.open-case[data-claim='" + claimId + "']");
        jonas.clickAndWaitForAjax(open);
        assertEquals(statement, jonas.text("open-claim"));
        jonas.visible("open-case:reason").sendKeys("Konkrete Zahl, mit der Statistik prüfbar.");
        jonas.clickAndWaitForNewPage(By.id("open-case:confirm"));
        jonas.waitForInfoMessage(msg(lang, "desk.caseOpened", statement));
        assertTrue(jonas.driver.findElements(open).isEmpty(), "the claim has its case now");
        assertEquals("· " + msg(lang, "desk.claims", waiting - 1), jonas.text("unopened-count"));
        long caseId =
            api.get("api/cases?queue=team&q=" + marker, supervisorToken)
                .object()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        jonas.screenshot("queue-team-" + lang);

        // two clicks: "assign" on the row, then the person, shown with the load they carry
        JsonObject aylin = load(api, supervisorToken, "factchecker2");
        By assign = By.cssSelector("button.assign-case[data-case='" + caseId + "']");
        jonas.clickAndWaitForAjax(assign);
        By person = By.cssSelector("#assignees button.assignee[data-user='factchecker2']");
        assertEquals(
            "Aylin Demir — "
                + msg(
                    lang,
                    "desk.load",
                    aylin.getJsonNumber("open").longValue(),
                    aylin.getJsonNumber("overdue").longValue()),
            jonas.text(person));
        jonas.screenshot("queue-assign-" + lang);
        jonas.clickAndWaitForNewPage(person);
        jonas.waitForInfoMessage(msg(lang, "desk.assigned", caseId, "Aylin Demir"));
        assertTrue(jonas.driver.findElements(assign).isEmpty(), "nobody-works-it queue: gone");
        assertEquals(
            Json.createArrayBuilder().add("factchecker2").build(),
            api.get("api/cases/" + caseId, supervisorToken).object().getJsonArray("assignees"));
        assertEquals(
            aylin.getJsonNumber("open").longValue() + 1,
            load(api, supervisorToken, "factchecker2").getJsonNumber("open").longValue());

        if (lang.equals("de")) {
          // another supervisor assigns between the two clicks: a message and the new state
          long other = desk.newClaim(supervisorToken);
          JsonObject c = desk.openCase(other, supervisorToken);
          long otherCase = c.getJsonNumber("id").longValue();
          String otherMarker =
              api.get("api/claims/" + other, supervisorToken)
                  .object()
                  .getString("statement")
                  .substring(0, 8);
          jonas.go("cases/index.xhtml?queue=team&q=" + otherMarker);
          jonas.clickAndWaitForAjax(
              By.cssSelector("button.assign-case[data-case='" + otherCase + "']"));
          Api.Reply meanwhile =
              api.post(
                  "api/cases/" + otherCase + "/assignees",
                  api.sharedToken("supervisor2"),
                  "{\"version\":"
                      + c.getJsonNumber("version").longValue()
                      + ",\"usernames\":[\"factchecker\"]}");
          assertEquals(200, meanwhile.status(), meanwhile.toString());
          jonas.clickAndWaitForNewPage(person);
          assertEquals(msg(lang, "common.changedMeanwhile"), jonas.waitForErrorMessage());
          assertEquals(
              Json.createArrayBuilder().add("factchecker").build(),
              api.get("api/cases/" + otherCase, supervisorToken)
                  .object()
                  .getJsonArray("assignees"));
        }
      }
    }
  }

  private static JsonObject load(Api api, String token, String username) {
    return api.get("api/cases/assignable", token).json().asJsonArray().stream()
        .map(p -> p.asJsonObject())
        .filter(p -> p.getString("username").equals(username))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void lenaFindsWhatCameBackFromReviewAndWhatMentionsHerOnMyCases() {
    Api api = Api.at(deployment);
    Desk desk = new Desk(api, api::sharedToken);
    String checker = api.sharedToken("factchecker");
    // one case for both languages: sent back with a reason, then a note mentions Lena
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long caseId = desk.caseInReview(desk.newClaim(checker), "FALSE");
    String reason = "Bitte die Statistik von 2024 ergänzen (" + marker + ").";
    desk.step(caseId, api.sharedToken("supervisor"), "request-changes", reason);
    String note = "@factchecker Das Amt hat zurückgerufen (" + marker + ").";
    Api.Reply written =
        api.post(
            "api/cases/" + caseId + "/notes",
            api.sharedToken("supervisor2"),
            Json.createObjectBuilder().add("body", note).build().toString());
    assertEquals(201, written.status(), written.toString());

    for (String lang : List.of("de", "en")) {
      try (DeskBrowser lena = DeskBrowser.open(api.base(), lang)) {
        lena.signInOnce("factchecker", PASSWORD, "index.xhtml");
        lena.go("cases/index.xhtml?queue=mine");
        assertEquals(msg(lang, "desk.sentBack"), lena.text("sent-back-heading"));
        String sentBack =
            lena.text(By.cssSelector("#sent-back li[data-case='" + caseId + "']"))
                .replaceAll("\\s+", " ");
        assertTrue(sentBack.contains(msg(lang, "desk.reason") + ": " + reason), sentBack);
        assertTrue(sentBack.contains(msg(lang, "desk.sentBackBy", "supervisor", "")), sentBack);
        assertEquals(msg(lang, "desk.mentions"), lena.text("mentions-heading"));
        String mention =
            lena.text(By.cssSelector("#mentions li[data-case='" + caseId + "']"))
                .replaceAll("\\s+", " ");
        assertTrue(mention.contains(note), mention);
        assertTrue(mention.contains(msg(lang, "desk.mentionedBy", "supervisor2", "")), mention);
        assertTrue(
            lena.driver.findElements(By.cssSelector("button.assign-case")).isEmpty(),
            "only supervisors assign");
        lena.screenshot("queue-mine-" + lang);

        lena.go("inbox/index.xhtml");
        String entry = lena.text(By.cssSelector("tr[data-case='" + caseId + "'] .inbox-reason"));
        assertEquals(msg(lang, "desk.reason") + ": " + reason, entry.replaceAll("\\s+", " "));

        // one click from the row into the case
        lena.go("cases/index.xhtml?queue=mine");
        lena.clickAndWaitForNewPage(
            By.cssSelector("#sent-back li[data-case='" + caseId + "'] a.case-link"));
        assertEquals("cases/view.xhtml", lena.page());
      }
    }
  }
}
