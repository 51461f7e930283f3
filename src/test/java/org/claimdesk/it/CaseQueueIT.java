package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimdesk.testing.Api;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queues over REST: filters, every sort with key paging that neither skips nor repeats a case,
 * the CSV export (quoting, formula neutralisation, audit) and the benchmark generator's refusals.
 * Each test tags its own cases with a fresh topic, so other tests' cases never interfere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseQueueIT {
  static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

  @ArquillianResource URL deployment;
  Api api;
  String checker;
  String supervisor;
  String topic;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
    supervisor = api.sharedToken("supervisor");
    topic = "q" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** What a test case should look like; dueInDays null for none. */
  record Wanted(String title, String priority, Integer dueInDays, String assignee) {}

  /** Opens the cases, each on its own claim of one fresh article, tagged with the test's topic. */
  List<JsonObject> open(List<Wanted> wanted) {
    StringBuilder text = new StringBuilder("Meldung " + topic + ".");
    for (int i = 0; i < wanted.size(); i++) {
      text.append(" Satz ").append(i).append(" nennt ").append(100 + i).append(" Fälle.");
    }
    Api.Reply article =
        api.post(
            "api/articles",
            checker,
            Json.createObjectBuilder().add("text", text.toString()).build().toString());
    assertEquals(201, article.status(), article.toString());
    long articleId = article.object().getJsonObject("article").getJsonNumber("id").longValue();
    String reading = article.object().getString("text");
    List<JsonObject> cases = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Wanted w = wanted.get(i);
      String span = "Satz " + i + " nennt";
      int start = reading.indexOf(span);
      Api.Reply claim =
          api.post(
              "api/claims",
              checker,
              Json.createObjectBuilder()
                  .add("articleId", articleId)
                  .add("start", start)
                  .add("end", start + span.length())
                  .add("statement", "Behauptung " + i + " aus " + topic)
                  .build()
                  .toString());
      assertEquals(201, claim.status(), claim.toString());
      JsonObjectBuilder brief =
          Json.createObjectBuilder()
              .add("claimId", claim.object().getJsonNumber("id").longValue())
              .add("title", w.title())
              .add("selectionReason", "Für die Warteschlange")
              .add("priority", w.priority())
              .add("tags", Json.createArrayBuilder().add(topic));
      if (w.dueInDays() != null) {
        brief.add("dueOn", LocalDate.now().plusDays(w.dueInDays()).toString());
      }
      Api.Reply opened = api.post("api/cases", checker, brief.build().toString());
      assertEquals(201, opened.status(), opened.toString());
      JsonObject c = opened.object();
      if (w.assignee() != null) {
        c = assign(c, List.of(w.assignee()));
      }
      cases.add(c);
    }
    return cases;
  }

  /** The case with these people working it, as the supervisor sets them. */
  JsonObject assign(JsonObject c, List<String> usernames) {
    Api.Reply assigned =
        api.post(
            "api/cases/" + c.getJsonNumber("id") + "/assignees",
            supervisor,
            Json.createObjectBuilder()
                .add("version", c.getJsonNumber("version").longValue())
                .add("usernames", Json.createArrayBuilder(usernames))
                .build()
                .toString());
    assertEquals(200, assigned.status(), assigned.toString());
    return assigned.object();
  }

  /**
   * A person's page reads the first rows of the queue (the test server's window is 8) and keeps
   * theirs; when those hold too few, it joins from the person's side. Both give the order of the
   * full queue.
   */
  @Test
  void aPersonsPageIsTheSameWhetherTheirCasesAreNearTheTopOrFarDown() {
    List<Wanted> wanted = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      boolean theirs = i < 2 || i >= 10; // the two oldest and the two newest
      wanted.add(
          new Wanted("Fall " + i + " " + topic, "NORMAL", null, theirs ? "factchecker2" : null));
    }
    List<Long> opened = open(wanted).stream().map(c -> c.getJsonNumber("id").longValue()).toList();
    List<Long> newestFirst = List.of(opened.get(11), opened.get(10), opened.get(1), opened.get(0));
    String person = "&queue=all&assignee=factchecker2";

    assertEquals(newestFirst, ids(person, supervisor), "the whole queue (joined from the person)");
    assertEquals(newestFirst.subList(0, 2), page(person + "&limit=2"), "both within the window");
    assertEquals(newestFirst, page(person + "&limit=4"), "two of four beyond the window");
    // Z to A: "Fall 9" … "Fall 2" fill the window, then "Fall 11", "Fall 10", "Fall 1", "Fall 0"
    assertEquals(
        List.of(opened.get(11), opened.get(10)),
        page(person + "&sort=title&order=desc&limit=2"),
        "none of theirs within the window");
  }

  /**
   * A person's cases newest first with nothing else filtered ("My cases" as it opens) are walked in
   * the person's assignments, which carry their case's opening time (V13, kept by a trigger): a
   * case taken away and given back keeps its place, and pages by key neither skip nor repeat.
   */
  @Test
  void aPersonsNewestCasesComeInTheOrderTheyWereOpened() {
    List<Wanted> wanted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      wanted.add(new Wanted("Eigener Fall " + i + " " + topic, "NORMAL", null, "factchecker2"));
    }
    List<JsonObject> cases = open(wanted);
    assign(assign(cases.get(1), List.of()), List.of("factchecker2"));
    List<Long> newestFirst = new ArrayList<>(cases.stream().map(CaseQueueIT::id).toList());
    Collections.reverse(newestFirst);

    // no tag: only the person filters, so this is the walk of their assignments
    List<JsonObject> seen = new ArrayList<>();
    String after = "";
    for (int p = 0; p < 3 && after != null; p++) {
      Api.Reply page =
          api.get("api/cases?queue=all&assignee=factchecker2&limit=2" + after, supervisor);
      assertEquals(200, page.status(), page.toString());
      seen.addAll(page.object().getJsonArray("items").getValuesAs(JsonObject.class));
      after =
          page.object().containsKey("next") ? "&after=" + page.object().getString("next") : null;
    }
    // other tests may have given the person older cases: ours are the newest five
    assertTrue(seen.size() >= 5, seen.toString());
    assertEquals(newestFirst, seen.subList(0, 5).stream().map(CaseQueueIT::id).toList());
    for (int i = 1; i < seen.size(); i++) {
      Instant before = Instant.parse(seen.get(i - 1).getString("openedAt"));
      Instant next = Instant.parse(seen.get(i).getString("openedAt"));
      assertTrue(
          next.isBefore(before) || next.equals(before) && id(seen.get(i)) < id(seen.get(i - 1)),
          "newest first, then by id: " + seen);
    }
    for (JsonObject c : seen) {
      assertTrue(
          c.getJsonArray("assignees").getValuesAs(JsonString::getString).contains("factchecker2"),
          c.toString());
    }
  }

  private List<Long> page(String query) {
    Api.Reply reply = api.get("api/cases?tag=" + topic + query, supervisor);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getJsonNumber("id").longValue())
        .toList();
  }

  List<Long> ids(String query, String token) {
    Api.Reply reply = api.get("api/cases?limit=500&tag=" + topic + query, token);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(c -> c.getJsonNumber("id").longValue())
        .toList();
  }

  /** Every page of the query, {@code limit} at a time, following {@code next}. */
  List<JsonObject> walk(String query, int limit) {
    List<JsonObject> all = new ArrayList<>();
    String after = null;
    do {
      Api.Reply page =
          api.get(
              "api/cases?limit="
                  + limit
                  + "&tag="
                  + topic
                  + query
                  + (after == null ? "" : "&after=" + after),
              checker);
      assertEquals(200, page.status(), page.toString());
      all.addAll(page.object().getJsonArray("items").getValuesAs(JsonObject.class));
      after = page.object().containsKey("next") ? page.object().getString("next") : null;
    } while (after != null);
    return all;
  }

  static long id(JsonObject c) {
    return c.getJsonNumber("id").longValue();
  }

  @Test
  void filtersNarrowTheQueue() {
    List<JsonObject> c =
        open(
            List.of(
                new Wanted("Alpha: Mieten verdoppelt", "URGENT", -3, "factchecker"),
                new Wanted("Beta: Strompreis", "LOW", 10, null),
                new Wanted("Gamma: Renten", "HIGH", null, null),
                new Wanted("Delta: alpha klein", "NORMAL", -1, "supervisor")));
    assertEquals(List.of(id(c.get(0))), ids("&priority=urgent", checker));
    assertEquals(
        List.of(id(c.get(2)), id(c.get(1))),
        ids("&unassigned=true&sort=title&order=desc", checker));
    assertEquals(List.of(id(c.get(0))), ids("&assignee=me", checker));
    assertEquals(List.of(id(c.get(3))), ids("&assignee=supervisor", checker));
    assertEquals(
        List.of(id(c.get(0)), id(c.get(3))),
        ids("&overdue=true&sort=due", checker),
        "longest first");
    assertEquals(
        List.of(id(c.get(0)), id(c.get(3))),
        ids("&q=ALPHA&sort=title", checker),
        "part of the title");
    assertEquals(List.of(), ids("&q=%25", checker), "% in the text is a percent sign");
    for (JsonObject worked : List.of(c.get(0), c.get(3))) {
      Api.Reply started =
          api.post(
              "api/cases/" + id(worked) + "/transitions",
              supervisor,
              "{\"action\":\"start-research\",\"version\":"
                  + api.get("api/cases/" + id(worked), checker).object().getJsonNumber("version")
                  + "}");
      assertEquals(200, started.status(), started.toString());
    }
    assertEquals(
        List.of(id(c.get(0)), id(c.get(3))),
        ids("&status=in_research&sort=opened&order=asc", checker),
        "the cases in research");
    assertEquals(
        List.of(id(c.get(2)), id(c.get(1))), ids("&status=new&sort=priority&order=desc", checker));
    assertEquals(
        List.of(id(c.get(2)), id(c.get(1))),
        ids("&queue=team", checker),
        "team: unassigned, most urgent first");
    assertEquals(List.of(id(c.get(0))), ids("&queue=mine", checker));
    assertEquals(
        List.of(id(c.get(0)), id(c.get(3))),
        ids("&queue=overdue", api.sharedToken("auditor")),
        "every role reads the queues");
    assertEquals(400, api.get("api/cases?status=LATE", checker).status());
    assertEquals(400, api.get("api/cases?queue=later", checker).status());
  }

  @Test
  void everySortKeepsItsOrderAndKeyPagesNeitherSkipNorRepeat() {
    List<Wanted> wanted = new ArrayList<>();
    String[] titles = {"Kappa", "alpha", "Zeta", "Beta", "Kappa", "Mu", "Eta", "Beta", "Omega"};
    Integer[] due = {5, null, -2, 5, null, 30, 5, -2, null};
    for (int i = 0; i < titles.length; i++) {
      wanted.add(
          new Wanted(titles[i], PRIORITIES.get(i % 4), due[i], i % 3 == 0 ? "factchecker" : null));
    }
    open(wanted);
    for (String sort : List.of("opened", "due", "priority", "status", "title")) {
      for (String order : List.of("asc", "desc")) {
        String query = "&sort=" + sort + "&order=" + order;
        List<JsonObject> all = walk(query, 500);
        assertEquals(titles.length, all.size(), query);
        List<JsonObject> expected = new ArrayList<>(all);
        expected.sort(expectedOrder(sort, order.equals("asc")));
        assertEquals(
            expected.stream().map(CaseQueueIT::id).toList(),
            all.stream().map(CaseQueueIT::id).toList(),
            "sorted " + query);
        for (int limit : List.of(1, 2, 4)) {
          assertEquals(
              all.stream().map(CaseQueueIT::id).toList(),
              walk(query, limit).stream().map(CaseQueueIT::id).toList(),
              "pages of " + limit + query);
        }
      }
    }
    String next =
        api.get("api/cases?limit=1&sort=due&tag=" + topic, checker).object().getString("next");
    Api.Reply otherOrder = api.get("api/cases?limit=1&sort=due&order=desc&after=" + next, checker);
    assertEquals(400, otherOrder.status(), "a cursor belongs to its order: " + otherOrder);
  }

  /** The order the API promises: the key, then the id in the same direction; no due date last. */
  static Comparator<JsonObject> expectedOrder(String sort, boolean ascending) {
    List<String> statuses =
        List.of(
            "NEW",
            "IN_RESEARCH",
            "IN_REVIEW",
            "APPROVED",
            "PUBLISHED",
            "IN_CORRECTION",
            "DISMISSED");
    Comparator<JsonObject> byKey =
        switch (sort) {
          case "opened" ->
              Comparator.comparing(c -> java.time.Instant.parse(c.getString("openedAt")));
          case "due" ->
              Comparator.comparing(
                  c -> c.containsKey("dueOn") ? c.getString("dueOn") : "9999-12-31");
          case "priority" -> Comparator.comparing(c -> PRIORITIES.indexOf(c.getString("priority")));
          case "status" -> Comparator.comparing(c -> statuses.indexOf(c.getString("status")));
          default -> Comparator.comparing(c -> c.getString("title"));
        };
    Comparator<JsonObject> order = byKey.thenComparing(CaseQueueIT::id);
    return ascending ? order : order.reversed();
  }

  @Test
  void theCsvExportQuotesNeutralisesFormulasAndIsRecorded() throws Exception {
    List<JsonObject> c =
        open(
            List.of(
                new Wanted("=HYPERLINK(\"http://example.org\",\"Klick\")", "HIGH", 3, null),
                new Wanted("Zahl \"100\", sagt sie; +20 %", "LOW", null, "factchecker"),
                new Wanted("@Behörde: -5 Stellen", "NORMAL", -1, null)));
    Api.Reply csv = api.get("api/cases/export?sort=title&order=asc&tag=" + topic, checker);
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
    assertTrue(
        csv.raw().headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .build()
            .parse(new StringReader(csv.body()))
            .getRecords();
    assertEquals(
        List.of(
            "'=HYPERLINK(\"http://example.org\",\"Klick\")",
            "'@Behörde: -5 Stellen",
            "Zahl \"100\", sagt sie; +20 %"),
        rows.stream().map(r -> r.get("title")).toList(),
        "formulas neutralised, quotes and commas kept");
    CSVRecord quoted = rows.get(2);
    assertEquals(String.valueOf(id(c.get(1))), quoted.get("id"));
    assertEquals("factchecker", quoted.get("assignees"));
    assertEquals(topic, quoted.get("tags"));
    assertEquals("", quoted.get("dueOn"));
    assertEquals("true", rows.get(1).get("overdue"));
    assertEquals(
        "id,title,status,priority,dueOn,overdue,tags,assignees,claimId,openedAt,openedBy,selectionReason",
        csv.body().lines().findFirst().orElseThrow());

    Api.Reply byAuditor =
        api.get("api/cases/export?queue=team&tag=" + topic, api.sharedToken("auditor"));
    assertEquals(200, byAuditor.status(), "every role that reads cases may export");
    assertEquals(3, byAuditor.body().lines().count(), "header and the two unassigned cases");

    JsonObject exported =
        api
            .get(
                "api/audit?action=cases.exported&actor=factchecker&limit=20",
                api.sharedToken("auditor"))
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("changes").contains("tag=" + topic))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no cases.exported event with the filter"));
    assertEquals("case-queue", exported.getString("entityType"));
    assertTrue(exported.getString("changes").contains("title asc"), exported.toString());
  }

  @Test
  void theGeneratorIsOffUnlessConfiguredAndOnlyForAdministrators() {
    Api.Reply off = api.post("api/cases/generate?count=10", api.sharedToken("admin"), "");
    assertEquals(403, off.status(), off.toString());
    assertTrue(off.isProblem());
    assertTrue(
        off.object().getString("detail").contains("CLAIMDESK_GENERATOR_ENABLED"), off.toString());
    Api.Reply checkerTries = api.post("api/cases/generate?count=10", supervisor, "");
    assertEquals(403, checkerTries.status(), checkerTries.toString());
    assertTrue(
        checkerTries.object().getString("detail").contains("ADMIN"), checkerTries.toString());
  }
}
