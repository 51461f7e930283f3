package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cases over REST: one open case per claim, who may assign and take, locking, audit. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CasesIT {
  @ArquillianResource URL deployment;
  Api api;
  String checker;
  String supervisor;
  Desk desk;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
    supervisor = api.sharedToken("supervisor");
    desk = new Desk(api, api::sharedToken);
  }

  long newClaim() {
    return desk.newClaim(checker);
  }

  JsonObject open(long claimId, String token) {
    return desk.openCase(claimId, token);
  }

  @Test
  void aClaimHasAtMostOneOpenCase() {
    long claim = newClaim();
    JsonObject c = open(claim, checker);
    assertEquals("NEW", c.getString("status"));
    assertEquals("HIGH", c.getString("priority"));
    assertEquals(
        List.of("behörden"),
        c.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(s -> s.getString())
            .toList());
    Api.Reply second =
        api.post(
            "api/cases", supervisor, "{\"claimId\":" + claim + ",\"selectionReason\":\"nochmal\"}");
    assertEquals(409, second.status(), second.toString());
    assertEquals(
        "/api/cases/" + c.getJsonNumber("id").longValue(), second.object().getString("existing"));
    Api.Reply noReason = api.post("api/cases", checker, "{\"claimId\":" + newClaim() + "}");
    assertEquals(400, noReason.status(), noReason.toString());
    Api.Reply auditor =
        api.post(
            "api/cases",
            api.sharedToken("auditor"),
            "{\"claimId\":" + newClaim() + ",\"selectionReason\":\"x\"}");
    assertEquals(403, auditor.status());
  }

  @Test
  void supervisorsAssignFactCheckersTakeOnlyUnassignedCases() {
    JsonObject c = open(newClaim(), checker);
    long id = c.getJsonNumber("id").longValue();
    long version = c.getJsonNumber("version").longValue();

    Api.Reply byChecker =
        api.post(
            "api/cases/" + id + "/assignees",
            checker,
            "{\"version\":" + version + ",\"usernames\":[\"factchecker\"]}");
    assertEquals(403, byChecker.status(), byChecker.toString());
    Api.Reply toAuditor =
        api.post(
            "api/cases/" + id + "/assignees",
            supervisor,
            "{\"version\":" + version + ",\"usernames\":[\"auditor\"]}");
    assertEquals(400, toAuditor.status(), toAuditor.toString());

    Api.Reply assigned =
        api.post(
            "api/cases/" + id + "/assignees",
            supervisor,
            "{\"version\":" + version + ",\"usernames\":[\"factchecker\"]}");
    assertEquals(200, assigned.status(), assigned.toString());
    assertEquals("NEW", assigned.object().getString("status"), "assigning starts no research");
    long assignedVersion = assigned.object().getJsonNumber("version").longValue();

    Api.Reply take =
        api.post(
            "api/cases/" + id + "/take",
            api.sharedToken("supervisor"),
            "{\"version\":" + assignedVersion + "}");
    assertEquals(409, take.status(), "somebody works it already: " + take);

    JsonObject mine = api.get("api/cases?assignee=me&limit=200", checker).object();
    assertTrue(
        mine.getJsonArray("items").stream()
            .anyMatch(i -> i.asJsonObject().getJsonNumber("id").longValue() == id),
        mine.toString());

    JsonObject other = open(newClaim(), checker);
    Api.Reply taken =
        api.post(
            "api/cases/" + other.getJsonNumber("id").longValue() + "/take",
            checker,
            "{\"version\":" + other.getJsonNumber("version").longValue() + "}");
    assertEquals(200, taken.status(), taken.toString());
    assertEquals("[\"factchecker\"]", taken.object().getJsonArray("assignees").toString());

    var events =
        api.get("api/audit?caseId=" + id, api.sharedToken("auditor"))
            .object()
            .getJsonArray("items");
    List<String> actions =
        events.getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
    assertTrue(actions.containsAll(List.of("case.opened", "case.assigned")), actions.toString());
  }

  @Test
  void searchKnowsWhichClaimsHaveAnOpenCase() {
    long claim = newClaim();
    String statement = api.get("api/claims/" + claim, checker).object().getString("statement");
    String marker = statement.substring(0, 8);
    Api.Reply before = api.get("api/search?kind=claim&hasOpenCase=true&q=" + marker, checker);
    assertEquals(0, before.object().getJsonNumber("total").longValue(), before.toString());
    open(claim, checker);
    Api.Reply after = api.get("api/search?kind=claim&hasOpenCase=true&q=" + marker, checker);
    assertEquals(1, after.object().getJsonNumber("total").longValue(), after.toString());
    Api.Reply articles = api.get("api/search?kind=article&hasOpenCase=true&q=" + marker, checker);
    assertEquals(1, articles.object().getJsonNumber("total").longValue(), articles.toString());
  }

  @Test
  void aStaleVersionIsRefusedWith409AndChangesAreAudited() {
    JsonObject c = open(newClaim(), checker);
    long id = c.getJsonNumber("id").longValue();
    long version = c.getJsonNumber("version").longValue();
    Api.Reply first =
        api.send(
            "PATCH",
            "api/cases/" + id,
            supervisor,
            "{\"version\":" + version + ",\"priority\":\"URGENT\",\"dueOn\":\"2026-12-01\"}");
    assertEquals(200, first.status(), first.toString());
    assertEquals("URGENT", first.object().getString("priority"));
    assertEquals(
        "Zahl ist überprüfbar",
        first.object().getString("selectionReason"),
        "unchanged fields stay");
    Api.Reply second =
        api.send(
            "PATCH",
            "api/cases/" + id,
            supervisor,
            "{\"version\":" + version + ",\"priority\":\"LOW\"}");
    assertEquals(409, second.status(), second.toString());
    assertTrue(second.isProblem());
    Api.Reply notOnCase =
        api.send(
            "PATCH",
            "api/cases/" + id,
            api.sharedToken("factchecker"),
            "{\"version\":"
                + first.object().getJsonNumber("version").longValue()
                + ",\"priority\":\"LOW\"}");
    assertEquals(403, notOnCase.status(), "nobody assigned the fact-checker: " + notOnCase);

    var events =
        api.get("api/audit/entities/case/" + id, api.sharedToken("auditor")).json().asJsonArray();
    JsonObject edited = events.getJsonObject(events.size() - 1);
    assertEquals("case.edited", edited.getString("action"));
    assertTrue(edited.getString("changes").contains("URGENT"), edited.toString());
    assertEquals(id, edited.getJsonNumber("caseId").longValue());
  }
}
