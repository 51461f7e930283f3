package org.claimdesk.browser;

import static org.claimdesk.browser.Texts.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The auditor's pages in a real (headless) browser: only auditors reach the audit log; the auditor
 * filters it down to what an administrator did to one account, follows the account's timeline,
 * exports the filtered events (CSV and JSON Lines, downloaded with the browser's own session),
 * verifies the chain and downloads a checkpoint that the REST API then verifies against; a
 * formula-like name from a failed sign-in reaches the CSV only as text.
 *
 * <p>The account under audit is created and disabled through the REST API by the demo
 * administrator; demo accounts are only signed into. Screenshots for the user guide (German and
 * English) land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditBrowserIT {
  static final String PASSWORD = Api.DEMO_PASSWORD;

  /** The newsroom's time zone (claimdesk.timezone, not set in the tests: the default). */
  static final ZoneId NEWSROOM = ZoneId.of("Europe/Berlin");

  static final List<String> CSV_HEADER =
      List.of(
          "seq",
          "occurredAt",
          "actor",
          "actorRoles",
          "action",
          "entityType",
          "entityId",
          "caseId",
          "entityVersion",
          "changes",
          "reason",
          "requestId",
          "clientAddress",
          "prevHash",
          "hash");

  /** The intact summary in the page's language: the event count (grouped) and the head hash. */
  static Pattern intactSummary(String language) {
    String[] parts =
        msg(language, "audit.summary.intact").split("\\{0,number,integer\\}|\\{1\\}", -1);
    return Pattern.compile(
        Pattern.quote(parts[0])
            + "([\\d.,\u00a0]+)"
            + Pattern.quote(parts[1])
            + "([0-9a-f]{64})"
            + Pattern.quote(parts[2]));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ArquillianResource URL deployment;

  /** Arquillian's URL names the machine's address; the browser talks to loopback only. */
  private URI base() {
    return Api.at(deployment).base();
  }

  /** One row of the audit log table as a person reads it. */
  record LogRow(long seq, String actor, String action, String entity, List<String> changes) {}

  @Test
  @Order(1)
  void onlyAuditorsReachTheAuditLogAndEveryRefusedVisitIsRecordedOnce() {
    Api api = Api.at(deployment);
    String auditorToken = api.sharedToken("auditor");
    String logPage = base().getPath() + "audit/log.xhtml";
    int refusedBefore = refusals(api, auditorToken, "factchecker", logPage);

    for (String user : List.of("factchecker", "supervisor", "admin")) {
      try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
        browser.signInOnce(user, PASSWORD, "index.xhtml");
        String who = user + ": ";
        assertFalse(browser.present("header:nav-audit"), who + "no audit log in the navigation");

        browser.go("audit/log.xhtml");
        assertEquals(
            msg("de", "error.forbidden.title"), browser.text("error-title"), who + "audit log");
        assertFalse(browser.present("events:table"), who + "no audit table on the error page");
        browser.go("audit/history.xhtml?type=account&id=" + user);
        assertEquals(
            msg("de", "error.forbidden.title"), browser.text("error-title"), who + "a timeline");
        assertFalse(browser.present("timeline"), who + "no timeline on the error page");

        // the export links' address refuses the session of a non-auditor too
        HttpResponse<String> export =
            download(browser, base().resolve("api/audit/export?format=csv").toString());
        assertEquals(403, export.statusCode(), who + "export: " + export.body());
        assertFalse(export.body().startsWith("seq,"), who + "no CSV for a non-auditor");
        HttpResponse<String> checkpoint =
            download(browser, base().resolve("api/audit/checkpoint").toString());
        assertEquals(403, checkpoint.statusCode(), who + "checkpoint: " + checkpoint.body());
      }
    }
    assertEquals(
        refusedBefore + 1,
        refusals(api, auditorToken, "factchecker", logPage),
        "the fact-checker's one visit to the audit log is recorded once");

    // the auditor has the link and finds that refusal through a bookmarkable address
    try (DeskBrowser auditor = DeskBrowser.open(base(), "de")) {
      auditor.signInOnce("auditor", PASSWORD, "index.xhtml");
      assertEquals(msg("de", "nav.audit"), auditor.text("header:nav-audit"));
      auditor.go(
          "audit/log.xhtml?actor=factchecker&action=access.refused&entityId="
              + URLEncoder.encode(logPage, StandardCharsets.UTF_8));
      assertEquals("factchecker", auditor.visible("filter:actor").getDomProperty("value"));
      List<LogRow> rows = rows(auditor);
      assertEquals(refusedBefore + 1, rows.size(), "refusals listed: " + rows);
      for (LogRow row : rows) {
        assertEquals("factchecker", row.actor(), row.toString());
        assertEquals("access.refused", row.action(), row.toString());
        assertEquals(msg("de", "audit.entity.resource") + " " + logPage, row.entity(), "" + row);
      }
      assertEquals(msg("de", "audit.count", refusedBefore + 1), auditor.text("count"));
    }
  }

  @Test
  @Order(2)
  void theAuditorFollowsAnAccountThroughLogTimelineExportsAndVerificationInGerman() {
    followAnAccount("de");
  }

  @Test
  @Order(3)
  void theAuditorFollowsAnAccountThroughLogTimelineExportsAndVerificationInEnglish() {
    followAnAccount("en");
  }

  @Test
  @Order(4)
  void aSignInAttemptUnderAFormulaNameIsExportedAsTextAndItsTimelineLinkKeepsTheName() {
    // anyone can make the log record a name of their choosing: the user name of a failed sign-in
    String name = "=1+2+" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    Api api = Api.at(deployment);
    Api.Reply refused = api.postWithBasic("api/tokens", name, "not-the-password", "{}");
    assertEquals(401, refused.status(), refused.toString());

    try (DeskBrowser browser = DeskBrowser.open(base(), "de")) {
      browser.signInOnce("auditor", PASSWORD, "index.xhtml");
      browser.go("audit/log.xhtml");
      choose(browser, "filter:action", msg("de", "audit.action.login.failed"));
      type(browser, "filter:entityId", name);
      browser.visible("filter:search").click();
      waitUntil(
          browser,
          () -> "the failed sign-in as " + name + ": " + rows(browser),
          () -> {
            List<LogRow> rows = rows(browser);
            return rows.size() == 1
                && rows.get(0).action().equals("login.failed")
                && rows.get(0).entity().equals(msg("de", "audit.entity.account") + " " + name);
          });

      // CSV: a spreadsheet would run the cell as a formula, so it starts with an apostrophe
      HttpResponse<String> csv =
          download(browser, browser.visible("tools:export-csv").getDomProperty("href"));
      assertEquals(200, csv.statusCode(), csv.body());
      List<CSVRecord> records = csvRecords(csv.body());
      assertEquals(2, records.size(), csv.body());
      assertEquals("'" + name, records.get(1).get(6), "entityId cell: " + csv.body());
      assertEquals("'" + name, records.get(1).get(2), "actor cell: " + csv.body());
      // JSON Lines: the event exactly as recorded
      HttpResponse<String> jsonl =
          download(browser, browser.visible("tools:export-jsonl").getDomProperty("href"));
      JsonObject line = Json.createReader(new StringReader(jsonl.body().strip())).readObject();
      JsonObject event =
          Json.createReader(new StringReader(line.getString("canonical"))).readObject();
      assertEquals(name, event.getString("entityId"), jsonl.body());

      // the timeline link carries the name unchanged (= and + encoded)
      browser.clickAndWaitForNewPage(browser.visible("events:table:0:entity"));
      browser.waitForPage("audit/history.xhtml");
      List<WebElement> steps =
          browser.visible("timeline").findElements(By.cssSelector("li.timeline-step"));
      assertFalse(steps.isEmpty(), "the attempt's timeline");
      assertEquals(
          msg("de", "audit.sentence.login.failed", name, name),
          DeskBrowser.textOf(steps.get(steps.size() - 1).findElement(By.className("sentence"))));
    }
  }

  @Test
  @Order(5)
  void theAuditorReadsAPublishedCasesStoryInGermanFiltersItAndVerifiesWhatIsShown() {
    readACasesStory("de");
  }

  @Test
  @Order(6)
  void theAuditorReadsAPublishedCasesStoryInEnglishFiltersItAndVerifiesWhatIsShown() {
    readACasesStory("en");
  }

  /**
   * A case worked by the demo fact-checker, published by the demo supervisor (REST); the auditor
   * reads its story as sentences, narrows it to the evidence, verifies the chain for what is shown,
   * and finds the case's evidence events in the audit log by the action's readable name.
   */
  private void readACasesStory(String language) {
    Api api = Api.at(deployment);
    long id =
        new Desk(api, api::sharedToken).publishedCase("FALSE").getJsonNumber("id").longValue();
    String auditorToken = api.sharedToken("auditor");
    Api.Reply reply = api.get("api/audit?limit=500&case=" + id, auditorToken);
    assertEquals(200, reply.status(), reply.toString());
    List<JsonObject> story =
        new ArrayList<>(reply.object().getJsonArray("items").getValuesAs(JsonObject.class));
    Collections.reverse(story);
    List<String> actions = story.stream().map(e -> e.getString("action")).toList();
    assertTrue(
        actions.containsAll(
            List.of(
                "claim.captured",
                "case.opened",
                "evidence.added",
                "verdict.proposed",
                "case.approve",
                "verdict.published")),
        actions.toString());

    try (DeskBrowser browser = DeskBrowser.open(base(), language)) {
      browser.signInOnce("auditor", PASSWORD, "index.xhtml");
      browser.go("audit/log.xhtml?case=" + id);
      assertEquals(String.valueOf(id), browser.visible("filter:case").getDomProperty("value"));
      assertEquals(msg(language, "audit.count", story.size()), browser.text("count"));
      browser.clickAndWaitForNewPage(By.id("tools:story"));
      browser.waitForPage("audit/history.xhtml");
      assertTrue(
          DeskBrowser.textOf(browser.visible("story-title"))
              .startsWith(msg(language, "audit.story") + ": "),
          browser.text("story-title"));

      // the whole story in order, each event a sentence naming the person, no raw codes
      List<WebElement> steps = steps(browser);
      assertEquals(
          actions, steps.stream().map(s -> s.getAttribute("data-action")).toList(), "in order");
      for (int i = 0; i < steps.size(); i++) {
        String sentence = DeskBrowser.textOf(steps.get(i).findElement(By.className("sentence")));
        assertFalse(sentence.contains(actions.get(i)), "a sentence, not a code: " + sentence);
        assertEquals(
            msg(language, "audit.action." + actions.get(i)),
            DeskBrowser.textOf(steps.get(i).findElement(By.className("action-name"))));
      }
      assertEquals(
          msg(
              language,
              "audit.sentence.evidence.added",
              "Lena Fischer",
              "E1",
              "",
              "evidence",
              "Die Statistik der Behörde nennt eine andere Zahl."),
          sentenceOf(steps, actions.indexOf("evidence.added")));
      assertEquals(
          msg(language, "audit.sentence.case.approve", "Jonas Becker", String.valueOf(id)),
          sentenceOf(steps, actions.indexOf("case.approve")));
      browser.screenshot("audit-story-" + language);

      // only the evidence
      long evidenceEvents = actions.stream().filter(a -> a.startsWith("evidence.")).count();
      WebElement evidenceKind = browser.visible(By.cssSelector("a.kind-evidence"));
      assertEquals(
          msg(language, "audit.kind.evidence") + " (" + evidenceEvents + ")",
          DeskBrowser.textOf(evidenceKind));
      browser.clickAndWaitForNewPage(evidenceKind);
      browser.waitForPage("audit/history.xhtml");
      List<String> shown = steps(browser).stream().map(s -> s.getAttribute("data-action")).toList();
      assertEquals(evidenceEvents, shown.size(), shown.toString());
      assertTrue(shown.stream().allMatch(a -> a.startsWith("evidence.")), shown.toString());
      assertEquals(
          "page", browser.visible(By.cssSelector("a.kind-evidence")).getAttribute("aria-current"));

      // verification of what is shown: the whole chain, and the shown events lie in it
      browser.visible("tools:verify").click();
      WebElement result = browser.visible("tools:verification");
      assertTrue(result.getAttribute("class").contains("verify-ok"), result.getAttribute("class"));
      assertEquals(
          msg(language, "audit.intact"),
          DeskBrowser.textOf(result.findElement(By.tagName("strong"))));
      assertTrue(
          intactSummary(language).matcher(browser.text("verification-summary")).matches(),
          browser.text("verification-summary"));
      assertEquals(
          msg(language, "audit.summary.shown", shown.size(), shown.size()),
          browser.text("verification-shown"));
      browser.screenshot("audit-story-verified-" + language);
      browser.driver.manage().window().setSize(new Dimension(390, 844));
      browser.screenshotFullPage("audit-story-phone-" + language);
      browser.driver.manage().window().setSize(new Dimension(1280, 900));

      // the audit log: the case, one action chosen by its readable name, verified as filtered
      browser.go("audit/log.xhtml?case=" + id);
      choose(browser, "filter:action", msg(language, "audit.action.evidence.added"));
      browser.visible("filter:search").click();
      waitUntil(
          browser,
          () -> "the case's added evidence: " + rows(browser),
          () -> {
            List<LogRow> rows = rows(browser);
            return rows.size() == 1 && rows.get(0).action().equals("evidence.added");
          });
      String csvUrl = browser.visible("tools:export-csv").getDomProperty("href");
      assertTrue(csvUrl.contains("case=" + id), csvUrl);
      assertTrue(csvUrl.contains("action=evidence.added"), csvUrl);
      List<CSVRecord> records = csvRecords(download(browser, csvUrl).body());
      assertEquals(2, records.size(), "header and the one event: " + records);
      browser.visible("tools:verify").click();
      assertEquals(msg(language, "audit.summary.shown", 1, 1), browser.text("verification-shown"));
    }
  }

  private static List<WebElement> steps(DeskBrowser browser) {
    return browser.visible("timeline").findElements(By.cssSelector("li.timeline-step"));
  }

  private static String sentenceOf(List<WebElement> steps, int index) {
    assertTrue(index >= 0, "the step is in the story");
    return DeskBrowser.textOf(steps.get(index).findElement(By.className("sentence")));
  }

  /**
   * The administrator creates and disables an account through the API; the auditor finds exactly
   * those two events, exports them, verifies the chain and reads the account's timeline.
   */
  private void followAnAccount(String language) {
    Api api = Api.at(deployment);
    String admin = api.sharedToken("admin");
    String auditorToken = api.sharedToken("auditor");
    String username =
        "audited-" + language + "-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String displayName = "Paula Prüfling";
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            "{\"username\":\""
                + username
                + "\",\"displayName\":\""
                + displayName
                + "\",\"password\":\"a-long-enough-password\",\"roles\":[\"FACT_CHECKER\"]}");
    assertEquals(201, created.status(), created.toString());
    Api.Reply disabled = api.post("api/accounts/" + username + "/disable", admin, "");
    assertEquals(200, disabled.status(), disabled.toString());

    // what the log holds about the account, as the REST API tells the auditor
    Api.Reply story = api.get("api/audit/entities/account/" + username, auditorToken);
    assertEquals(200, story.status(), story.toString());
    List<JsonObject> events =
        story.json().asJsonArray().stream().map(v -> v.asJsonObject()).toList();
    assertEquals(
        List.of("account.created", "account.disabled"),
        events.stream().map(e -> e.getString("action")).toList(),
        story.toString());
    long createdSeq = events.get(0).getJsonNumber("seq").longValueExact();
    long disabledSeq = events.get(1).getJsonNumber("seq").longValueExact();
    LocalDate firstDay = day(events.get(0));
    LocalDate lastDay = day(events.get(1));

    // fields, entity types and values as words of the language, not codes
    String account = msg(language, "audit.entity.account") + " " + username;
    String enabled = msg(language, "audit.field.enabled");
    String yes = msg(language, "audit.value.true");
    String no = msg(language, "audit.value.false");
    String displayNameField = msg(language, "audit.field.displayName");
    String roles = msg(language, "audit.field.roles");
    String factChecker = msg(language, "role.FACT_CHECKER");
    String usernameField = msg(language, "audit.field.username");
    List<LogRow> expected =
        List.of(
            new LogRow(
                disabledSeq,
                "admin",
                "account.disabled",
                account,
                List.of(enabled + ": " + yes + " → " + no)),
            new LogRow(
                createdSeq,
                "admin",
                "account.created",
                account,
                List.of(
                    displayNameField + ": — → " + displayName,
                    enabled + ": — → " + yes,
                    roles + ": — → " + factChecker,
                    usernameField + ": — → " + username)));

    try (DeskBrowser browser = DeskBrowser.open(base(), language)) {
      browser.signInOnce("auditor", PASSWORD, "index.xhtml");
      assertEquals(msg(language, "nav.audit"), browser.text("header:nav-audit"));
      browser.clickAndWaitForNewPage(By.id("header:nav-audit"));
      browser.waitForPage("audit/log.xhtml");
      assertEquals(
          msg(language, "audit.title"), DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
      assertEquals(
          List.of(
              "#",
              msg(language, "audit.when"),
              msg(language, "audit.actor"),
              msg(language, "audit.action"),
              msg(language, "audit.entity"),
              msg(language, "audit.changes")),
          browser.driver.findElements(By.cssSelector("#events\\:table_head th")).stream()
              .map(DeskBrowser::textOf)
              .toList(),
          "column headings");

      // everything the administrator did, newest first: the account's two events on top
      type(browser, "filter:actor", "admin");
      browser.visible("filter:search").click();
      waitUntil(
          browser,
          () -> "the administrator's events, newest first: " + rows(browser),
          () -> {
            List<LogRow> rows = rows(browser);
            return rows.size() >= 2
                && rows.subList(0, 2).equals(expected)
                && rows.stream().allMatch(r -> r.actor().equals("admin"));
          });

      // exactly those two once the filter also names the account and the days
      type(browser, "filter:entityType", "account");
      type(browser, "filter:entityId", username);
      date(browser, "filter:from", firstDay);
      date(browser, "filter:to", lastDay);
      browser.visible("filter:search").click();
      waitUntil(
          browser,
          () -> "exactly the account's events: " + rows(browser),
          () -> rows(browser).equals(expected));
      assertEquals(msg(language, "audit.count", 2), browser.text("count"));
      assertEquals(
          List.of(
              msg(language, "audit.action.account.disabled"),
              msg(language, "audit.action.account.created")),
          actionNames(browser),
          "actions by their readable names");
      browser.screenshot("audit-log-" + language);

      // CSV: what the export link downloads with the browser's session
      String csvUrl = browser.visible("tools:export-csv").getDomProperty("href");
      assertEquals(msg(language, "audit.exportCsv"), browser.text("tools:export-csv"));
      for (String part :
          List.of(
              "format=csv",
              "actor=admin",
              "entityType=account",
              "entityId=" + username,
              "from=",
              "to=")) {
        assertTrue(csvUrl.contains(part), "export link " + csvUrl + " has " + part);
      }
      HttpResponse<String> csv = download(browser, csvUrl);
      assertEquals(200, csv.statusCode(), csv.body());
      assertTrue(
          csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
          csv.headers().toString());
      assertTrue(
          csv.headers()
              .firstValue("Content-Disposition")
              .orElse("")
              .contains("filename=\"claimdesk-audit.csv\""),
          csv.headers().toString());
      List<CSVRecord> records = csvRecords(csv.body());
      assertEquals(3, records.size(), "header and two events:\n" + csv.body());
      assertEquals(CSV_HEADER, records.get(0).toList(), "CSV header row");
      CSVRecord createdLine = records.get(1);
      CSVRecord disabledLine = records.get(2);
      assertEquals(String.valueOf(createdSeq), createdLine.get(0), "oldest first");
      assertEquals(String.valueOf(disabledSeq), disabledLine.get(0), "oldest first");
      for (CSVRecord line : List.of(createdLine, disabledLine)) {
        assertEquals("admin", line.get(2), line.toString());
        assertEquals("ADMIN", line.get(3), line.toString());
        assertEquals("account", line.get(5), line.toString());
        assertEquals(username, line.get(6), line.toString());
      }
      assertEquals("account.created", createdLine.get(4));
      assertEquals("account.disabled", disabledLine.get(4));
      assertEquals("{\"enabled\":{\"after\":false,\"before\":true}}", disabledLine.get(9));
      assertEquals(events.get(1).getString("hash"), disabledLine.get(14));
      assertEquals(createdLine.get(14), disabledLine.get(13), "no event between them here");

      // JSON Lines: each event as hashed, so that anyone can recompute SHA-256(prevHash +
      // canonical)
      String jsonlUrl = browser.visible("tools:export-jsonl").getDomProperty("href");
      assertTrue(jsonlUrl.contains("format=jsonl"), jsonlUrl);
      assertTrue(jsonlUrl.contains("entityId=" + username), jsonlUrl);
      HttpResponse<String> jsonl = download(browser, jsonlUrl);
      assertEquals(200, jsonl.statusCode(), jsonl.body());
      assertTrue(
          jsonl.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"),
          jsonl.headers().toString());
      List<JsonObject> lines =
          jsonl
              .body()
              .lines()
              .map(l -> Json.createReader(new StringReader(l)).readObject())
              .toList();
      assertEquals(2, lines.size(), jsonl.body());
      for (int i = 0; i < 2; i++) {
        JsonObject line = lines.get(i);
        String canonical = line.getString("canonical");
        assertEquals(
            line.getString("hash"),
            sha256(line.getString("prevHash") + canonical),
            "hash = SHA-256(prevHash + canonical) for " + line);
        JsonObject event = Json.createReader(new StringReader(canonical)).readObject();
        assertEquals(username, event.getString("entityId"));
        assertEquals(i == 0 ? createdSeq : disabledSeq, event.getJsonNumber("seq").longValue());
        assertEquals(records.get(i + 1).get(14), line.getString("hash"), "CSV and JSON Lines");
      }

      // verification of the whole chain
      assertEquals(msg(language, "audit.verify"), browser.text("tools:verify"));
      browser.visible("tools:verify").click();
      WebElement result = browser.visible("tools:verification");
      assertTrue(result.getAttribute("class").contains("verify-ok"), result.getAttribute("class"));
      assertEquals(
          msg(language, "audit.intact"),
          DeskBrowser.textOf(result.findElement(By.tagName("strong"))));
      String summary = browser.text("verification-summary");
      Matcher intact = intactSummary(language).matcher(summary);
      assertTrue(intact.matches(), "verification summary: " + summary);
      long verified = Long.parseLong(intact.group(1).replaceAll("\\D", ""));
      assertTrue(verified >= disabledSeq, summary + " covers event " + disabledSeq);
      Api.Reply head = api.get("api/audit?limit=1&before=" + (verified + 1), auditorToken);
      JsonObject headEvent = head.object().getJsonArray("items").getJsonObject(0);
      assertEquals(verified, headEvent.getJsonNumber("seq").longValue(), head.toString());
      assertEquals(
          headEvent.getString("hash"), intact.group(2), "the head hash is that of the last event");
      assertEquals(msg(language, "audit.count", 2), browser.text("count"));
      browser.screenshot("audit-verified-" + language);

      // a checkpoint downloaded from the page, verified later through the REST API
      String checkpointUrl = browser.visible("tools:checkpoint").getDomProperty("href");
      HttpResponse<String> download = download(browser, checkpointUrl);
      assertEquals(200, download.statusCode(), download.body());
      JsonObject checkpoint = Json.createReader(new StringReader(download.body())).readObject();
      long checkpointSeq = checkpoint.getJsonNumber("seq").longValue();
      assertEquals("claimdesk-audit-checkpoint/1", checkpoint.getString("format"));
      assertEquals("auditor", checkpoint.getString("exportedBy"));
      assertTrue(checkpointSeq >= verified, download.body());
      assertTrue(
          download
              .headers()
              .firstValue("Content-Disposition")
              .orElse("")
              .contains("claimdesk-checkpoint-" + checkpointSeq + ".json"),
          download.headers().toString());
      Api.Reply against = api.post("api/audit/verify", auditorToken, download.body());
      assertEquals(200, against.status(), against.toString());
      assertTrue(against.object().getBoolean("intact"), against.toString());
      assertEquals(
          checkpointSeq, against.object().getJsonNumber("checkpointSeq").longValue(), "" + against);
      String otherHash = checkpoint.getString("hash").startsWith("0") ? "1" : "0";
      String forged =
          download
              .body()
              .replace(
                  checkpoint.getString("hash"),
                  otherHash + checkpoint.getString("hash").substring(1));
      Api.Reply broken = api.post("api/audit/verify", auditorToken, forged);
      assertEquals(200, broken.status(), broken.toString());
      assertFalse(broken.object().getBoolean("intact"), broken.toString());
      assertEquals(checkpointSeq, broken.object().getJsonNumber("brokenAt").longValue());
      // downloading the checkpoint is itself an event
      Api.Reply exported = api.get("api/audit/entities/audit-event/" + checkpointSeq, auditorToken);
      assertEquals(
          List.of("audit.checkpoint-exported"),
          exported.json().asJsonArray().stream()
              .map(v -> v.asJsonObject().getString("action"))
              .toList(),
          exported.toString());

      // the account's timeline, from the link in the table
      WebElement link = browser.visible("events:table:0:entity");
      assertEquals(account, DeskBrowser.textOf(link));
      browser.clickAndWaitForNewPage(link);
      browser.waitForPage("audit/history.xhtml");
      assertEquals(
          msg(language, "audit.history") + ": " + account,
          DeskBrowser.textOf(browser.visible(By.tagName("h1"))));
      List<WebElement> steps =
          browser.visible("timeline").findElements(By.cssSelector("li.timeline-step"));
      assertEquals(2, steps.size(), "timeline steps");
      assertEquals(
          msg(language, "audit.sentence.account.created", "Admin", username),
          DeskBrowser.textOf(steps.get(0).findElement(By.className("sentence"))));
      assertEquals(
          msg(language, "audit.sentence.account.disabled", "Admin", username),
          DeskBrowser.textOf(steps.get(1).findElement(By.className("sentence"))));
      assertTrue(
          DeskBrowser.textOf(steps.get(0).findElement(By.className("when")))
              .endsWith("#" + createdSeq),
          "the step names its event");
      assertEquals(
          List.of(
              List.of(
                  msg(language, "audit.field"),
                  msg(language, "audit.before"),
                  msg(language, "audit.after"))),
          cells(steps.get(1), "thead tr"),
          "before/after headings");
      assertEquals(List.of(List.of(enabled, yes, no)), cells(steps.get(1), "tbody tr"));
      assertEquals(
          List.of(
              List.of(displayNameField, "—", displayName),
              List.of(enabled, "—", yes),
              List.of(roles, "—", factChecker),
              List.of(usernameField, "—", username)),
          cells(steps.get(0), "tbody tr"));
      browser.screenshot("audit-timeline-" + language);

      browser.clickAndWaitForNewPage(By.id("back"));
      browser.waitForPage("audit/log.xhtml");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The rows the audit log table shows (none for its "no events" row). */
  private static List<LogRow> rows(DeskBrowser browser) {
    browser.visible("events:table");
    return browser.driver.findElements(By.cssSelector("#events\\:table_data > tr")).stream()
        .filter(tr -> !tr.getAttribute("class").contains("ui-datatable-empty-message"))
        .map(
            tr -> {
              List<WebElement> td = tr.findElements(By.xpath("./td"));
              return new LogRow(
                  Long.parseLong(browser.cellText(td.get(0))),
                  browser.cellText(td.get(2)),
                  td.get(3).findElement(By.className("action-name")).getAttribute("title"),
                  browser.cellText(td.get(4)),
                  td.get(5).findElements(By.className("change")).stream()
                      .map(DeskBrowser::textOf)
                      .toList());
            })
        .toList();
  }

  /** The readable action names the audit log table shows. */
  private static List<String> actionNames(DeskBrowser browser) {
    return browser.driver.findElements(By.cssSelector("#events\\:table_data .action-name")).stream()
        .map(DeskBrowser::textOf)
        .toList();
  }

  /**
   * Chooses an entry of a PrimeFaces select menu by its label, as a user would: open it, type into
   * its filter, click the entry. The panel opens with an animation and the list is long, so a click
   * can land before the entry settles; the attempt is repeated until the menu shows the label.
   */
  private static void choose(DeskBrowser browser, String id, String label) {
    String escaped = "#" + id.replace(":", "\\:");
    waitUntil(
        browser,
        () ->
            id + " shows " + label + ", not " + DeskBrowser.textOf(browser.visible(id + "_label")),
        () -> {
          if (DeskBrowser.textOf(browser.visible(id + "_label")).equals(label)) {
            return true;
          }
          List<WebElement> panel = browser.driver.findElements(By.cssSelector(escaped + "_panel"));
          if (panel.isEmpty() || !panel.get(0).isDisplayed()) {
            browser.visible(id).click();
          }
          WebElement filter = browser.visible(By.cssSelector(escaped + "_filter"));
          filter.clear();
          filter.sendKeys(label);
          browser
              .visible(By.cssSelector(escaped + "_items li[data-label=\"" + label + "\"]"))
              .click();
          return DeskBrowser.textOf(browser.visible(id + "_label")).equals(label);
        });
  }

  /** The cells of a before/after table's rows. */
  private static List<List<String>> cells(WebElement step, String rows) {
    return step.findElements(By.cssSelector("table.diff " + rows)).stream()
        .map(
            tr -> tr.findElements(By.xpath("./th|./td")).stream().map(DeskBrowser::textOf).toList())
        .toList();
  }

  private static void type(DeskBrowser browser, String id, String text) {
    WebElement field = browser.visible(id);
    field.clear();
    field.sendKeys(text);
  }

  /** Types a day in ISO form, which every language accepts; it stays as typed until the search. */
  private static void date(DeskBrowser browser, String id, LocalDate day) {
    browser.typeDate(id, day.toString());
    assertEquals(day.toString(), browser.visible(id + "_input").getDomProperty("value"), id);
  }

  /** Waits (never sleeps) until the condition holds; the message tells what was seen instead. */
  private static void waitUntil(
      DeskBrowser browser, Supplier<String> message, BooleanSupplier condition) {
    new WebDriverWait(browser.driver, DeskBrowser.PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .withMessage(message)
        .until(d -> condition.getAsBoolean());
  }

  /** The day an event of the REST API happened, in the newsroom's time zone. */
  private static LocalDate day(JsonObject event) {
    return Instant.parse(event.getString("occurredAt")).atZone(NEWSROOM).toLocalDate();
  }

  /** How many refusals of this person at this address the log holds. */
  private static int refusals(Api api, String auditorToken, String actor, String address) {
    Api.Reply reply =
        api.get(
            "api/audit?limit=500&action=access.refused&actor="
                + actor
                + "&entityId="
                + URLEncoder.encode(address, StandardCharsets.UTF_8),
            auditorToken);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").size();
  }

  /** What the browser would download from this address: a GET with the browser's cookies. */
  private static HttpResponse<String> download(DeskBrowser browser, String url) {
    assertNotNull(
        browser.driver.manage().getCookieNamed("JSESSIONID"), "the browser has a session");
    String cookies =
        browser.driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(Collectors.joining("; "));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookies)
            .GET()
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<CSVRecord> csvRecords(String csv) {
    try {
      return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
