package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A case's story in the audit log: every event of the case and of what belongs to it (its claim,
 * evidence, notes, verdict, reviews, publication, correction), in order, filtered by case, action
 * and period, exported and verified as filtered; bad filters are refused naming the parameter.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseStoryIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String checker;
  String supervisor;
  String supervisor2;
  String auditor;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
    checker = token("factchecker");
    supervisor = token("supervisor");
    supervisor2 = token("supervisor2");
    auditor = token("auditor");
  }

  @Test
  void theAuditorReadsExactlyOneCasesStoryInOrderAndFiltersItByActionAndPeriod() {
    long claimId = desk.newClaim(checker);
    long id = walkedThroughPublicationAndCorrection(claimId);
    // another case happening at the same time: none of its events belong to the first
    long other = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    evidence(other, "Fremder Beleg.");
    note(other, "Notiz im anderen Fall.");

    List<JsonObject> story = oldestFirst(search("case=" + id));
    assertEquals(
        List.of(
            "claim.captured",
            "case.opened",
            "case.assigned",
            "claim.edited",
            "evidence.added",
            "evidence.revised",
            "note.written",
            "case.start-research",
            "verdict.proposed",
            "verdict.submitted",
            "case.submit",
            "case.request-changes",
            "verdict.revised",
            "verdict.submitted",
            "case.submit",
            "verdict.approved",
            "case.approve",
            "verdict.published",
            "case.publish",
            "case.correct",
            "verdict.revised",
            "verdict.submitted",
            "case.submit",
            "verdict.approved",
            "case.approve",
            "verdict.published",
            "case.publish"),
        story.stream().map(e -> e.getString("action")).toList(),
        "the case's story: " + story);

    // exactly the events of the case and its claim between the story's first and last event
    long first = seq(story.get(0));
    long last = seq(story.get(story.size() - 1));
    List<JsonObject> belonging =
        oldestFirst(search("before=" + (last + 1), first)).stream()
            .filter(
                e ->
                    caseOf(e) == id
                        || e.getString("entityType").equals("claim")
                            && e.getString("entityId", "").equals(String.valueOf(claimId)))
            .toList();
    assertEquals(seqs(belonging), seqs(story), "nothing missing, nothing added");
    assertTrue(story.stream().noneMatch(e -> caseOf(e) == other), "nothing of the other case");
    assertFalse(
        oldestFirst(search("case=" + other)).stream().anyMatch(e -> caseOf(e) == id),
        "and the other way round");
    // the older parameter name means the same
    assertEquals(seqs(story), seqs(oldestFirst(search("caseId=" + id))));

    // by action: the two revisions of the evidence item and the verdict, one action each
    List<JsonObject> revised = oldestFirst(search("case=" + id + "&action=evidence.revised"));
    assertEquals(1, revised.size(), revised.toString());
    assertTrue(revised.get(0).getString("changes").contains("Gegendarstellung"), "" + revised);
    assertEquals(
        2, oldestFirst(search("case=" + id + "&action=verdict.published")).size(), "published");

    // by period: [from, to) of the middle of the story, as the log's clock recorded it
    Instant from = at(story.get(4));
    Instant to = at(story.get(story.size() - 4));
    List<JsonObject> period = oldestFirst(search("case=" + id + "&from=" + from + "&to=" + to));
    List<Long> expected =
        story.stream()
            .filter(e -> !at(e).isBefore(from) && at(e).isBefore(to))
            .map(CaseStoryIT::seq)
            .toList();
    assertEquals(expected, seqs(period), "events in the period");
    assertTrue(expected.size() >= 4 && expected.size() < story.size(), "a real subset: " + period);

    // export: exactly what is filtered, oldest first
    Api.Reply jsonl = api.get("api/audit/export?format=jsonl&case=" + id, auditor);
    assertEquals(200, jsonl.status(), jsonl.toString());
    List<Long> exported = jsonl.body().lines().map(CaseStoryIT::canonicalSeq).toList();
    assertEquals(seqs(story), exported, "the export of the filtered view");

    // verification of the filtered view: the whole chain, and that the shown events are in it
    Api.Reply verified = api.get("api/audit/verify?case=" + id, auditor);
    assertEquals(200, verified.status(), verified.toString());
    JsonObject report = verified.object();
    assertTrue(report.getBoolean("intact"), report.toString());
    assertTrue(report.getJsonNumber("events").longValue() >= last, report.toString());
    assertEquals(story.size(), report.getInt("shown"), report.toString());
    assertEquals(story.size(), report.getInt("shownIntact"), report.toString());
  }

  @Test
  void badFiltersAreRefusedWith400NamingTheParameter() {
    for (String[] bad :
        new String[][] {
          {"case=abc", "case"},
          {"case=-3", "case"},
          {"caseId=1x", "caseId"},
          {"action=" + URLEncoder.encode("Beleg hinzugefügt", StandardCharsets.UTF_8), "action"},
          {"from=gestern", "from"},
          {"to=2026-13-01", "to"},
          {"from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z", "to"},
        }) {
      for (String path : List.of("api/audit?", "api/audit/export?format=csv&")) {
        Api.Reply reply = api.get(path + bad[0], auditor);
        assertEquals(400, reply.status(), path + bad[0] + ": " + reply);
        assertTrue(reply.isProblem(), reply.contentType());
        String detail = reply.object().getString("detail");
        assertTrue(detail.contains(bad[1]), bad[0] + " names " + bad[1] + ": " + detail);
      }
    }
    // a case without events has an empty story, not an error
    Api.Reply none = api.get("api/audit?case=1", auditor);
    assertEquals(200, none.status(), none.toString());
  }

  @Test
  void theActionsToFilterByHaveReadableNamesInTheCallersLanguage() {
    for (String[] language :
        new String[][] {{"de", "Beleg hinzugefügt"}, {"en", "Evidence added"}}) {
      Api.Reply reply =
          api.send("GET", "api/audit/actions", auditor, "", "Accept-Language", language[0]);
      assertEquals(200, reply.status(), reply.toString());
      JsonObject added =
          reply.json().asJsonArray().getValuesAs(JsonObject.class).stream()
              .filter(a -> a.getString("action").equals("evidence.added"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(reply.toString()));
      assertEquals(language[1], added.getString("name"));
      assertEquals("evidence", added.getString("kind"));
    }
  }

  // ---- the walk ----------------------------------------------------------------------------

  /**
   * Opening, claim edit, evidence added and revised, a note, a proposal sent back, revised and
   * approved, publication, a correction republished by a second supervisor.
   */
  private long walkedThroughPublicationAndCorrection(long claimId) {
    long id = desk.openCase(claimId, supervisor).getJsonNumber("id").longValue();
    Api.Reply assigned =
        api.post(
            "api/cases/" + id + "/assignees",
            supervisor,
            "{\"version\":" + caseVersion(id) + ",\"usernames\":[\"factchecker\"]}");
    assertEquals(200, assigned.status(), assigned.toString());
    JsonObject claim = api.get("api/claims/" + claimId, checker).object();
    Api.Reply edited =
        api.send(
            "PUT",
            "api/claims/" + claimId,
            checker,
            Json.createObjectBuilder()
                .add("version", claim.getJsonNumber("version").longValue())
                .add("statement", claim.getString("statement") + " (laut Behörde)")
                .build()
                .toString());
    assertEquals(200, edited.status(), edited.toString());
    JsonObject e1 = evidence(id, "Die Statistik nennt eine andere Zahl.");
    Api.Reply revised =
        api.send(
            "PUT",
            "api/cases/" + id + "/evidence/" + e1.getJsonNumber("id").longValue(),
            checker,
            Json.createObjectBuilder()
                .add("version", e1.getJsonNumber("version").longValue())
                .add("kind", "document")
                .add("stance", "REFUTES")
                .add("summary", "Die Statistik und eine Gegendarstellung nennen andere Zahlen.")
                .add("url", e1.getString("url"))
                .build()
                .toString());
    assertEquals(200, revised.status(), revised.toString());
    note(id, "@supervisor bitte die Zahl gegenlesen.");
    desk.step(id, checker, "start-research", null);
    propose(id, null, "[E1]");
    desk.step(id, checker, "submit", null);
    desk.step(id, supervisor, "request-changes", "Bitte genauer belegen.");
    propose(id, verdictVersion(id), "Die Statistik [E1] nennt eine andere Zahl.");
    desk.step(id, checker, "submit", null);
    desk.step(id, supervisor, "approve", null);
    desk.step(id, supervisor, "publish", null);
    desk.step(id, supervisor, "correct", "Neue Zahlen.");
    propose(id, verdictVersion(id), "Die Statistik [E1] nennt eine andere, neue Zahl.");
    desk.step(id, checker, "submit", null);
    desk.step(id, supervisor2, "approve", null);
    Api.Reply republished =
        api.post(
            "api/cases/" + id + "/transitions",
            supervisor,
            Json.createObjectBuilder()
                .add("action", "publish")
                .add("version", caseVersion(id))
                .add("comment", "Zahl korrigiert.")
                .add("correction", "CORRECTION")
                .build()
                .toString());
    assertEquals(200, republished.status(), republished.toString());
    return id;
  }

  private JsonObject evidence(long caseId, String summary) {
    Api.Reply r =
        api.post(
            "api/cases/" + caseId + "/evidence",
            checker,
            Json.createObjectBuilder()
                .add("kind", "document")
                .add("stance", "REFUTES")
                .add("summary", summary)
                .add("url", "https://example.org/statistik/" + UUID.randomUUID())
                .build()
                .toString());
    assertEquals(201, r.status(), r.toString());
    return r.object();
  }

  private void note(long caseId, String body) {
    Api.Reply r =
        api.post(
            "api/cases/" + caseId + "/notes",
            checker,
            Json.createObjectBuilder().add("body", body).build().toString());
    assertEquals(201, r.status(), r.toString());
  }

  private void propose(long caseId, Long version, String explanation) {
    var b =
        Json.createObjectBuilder()
            .add("rating", "FALSE")
            .add("claimReviewed", "Die Zahl der Anträge")
            .add("conclusion", "Die Statistik nennt eine andere Zahl.")
            .add("explanation", explanation);
    if (version != null) {
      b.add("version", version);
    }
    Api.Reply r = api.post("api/cases/" + caseId + "/verdict", checker, b.build().toString());
    assertEquals(200, r.status(), r.toString());
  }

  private long caseVersion(long caseId) {
    return api.get("api/cases/" + caseId, checker).object().getJsonNumber("version").longValue();
  }

  private long verdictVersion(long caseId) {
    return api.get("api/cases/" + caseId + "/verdict", checker)
        .object()
        .getJsonNumber("version")
        .longValue();
  }

  // ---- reading the log ---------------------------------------------------------------------

  /** Every page of a search (newest first, as the API pages it). */
  private List<JsonObject> search(String query) {
    return search(query, 0);
  }

  /** The pages of a search down to event {@code lowestSeq}. */
  private List<JsonObject> search(String query, long lowestSeq) {
    List<JsonObject> events = new ArrayList<>();
    String page = "api/audit?limit=500&" + query;
    while (page != null) {
      Api.Reply r = api.get(page, auditor);
      assertEquals(200, r.status(), page + ": " + r);
      r.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .filter(e -> seq(e) >= lowestSeq)
          .forEach(events::add);
      boolean more = present(r.object(), "next");
      long next = more ? r.object().getJsonNumber("next").longValue() : 0;
      page =
          more && next > lowestSeq
              ? "api/audit?limit=500&" + query.replaceAll("&?before=\\d+", "") + "&before=" + next
              : null;
    }
    return events;
  }

  private static List<JsonObject> oldestFirst(List<JsonObject> newestFirst) {
    List<JsonObject> events = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(events);
    return events;
  }

  private static long seq(JsonObject event) {
    return event.getJsonNumber("seq").longValue();
  }

  private static List<Long> seqs(List<JsonObject> events) {
    return events.stream().map(CaseStoryIT::seq).toList();
  }

  private static long caseOf(JsonObject event) {
    return present(event, "caseId") ? event.getJsonNumber("caseId").longValue() : -1;
  }

  /** JSON-B leaves out what is null. */
  private static boolean present(JsonObject object, String key) {
    return object.containsKey(key) && !object.isNull(key);
  }

  private static Instant at(JsonObject event) {
    return Instant.parse(event.getString("occurredAt"));
  }

  private static long canonicalSeq(String line) {
    JsonObject l = Json.createReader(new StringReader(line)).readObject();
    return Json.createReader(new StringReader(l.getString("canonical")))
        .readObject()
        .getJsonNumber("seq")
        .longValue();
  }
}
