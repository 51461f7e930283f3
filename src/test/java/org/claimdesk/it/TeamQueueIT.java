package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The team queue as a desk over REST: claims without a case until one is opened, each person's open
 * and overdue load for choosing an assignee, two supervisors assigning at once, and the reason a
 * verdict was sent back in the inbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamQueueIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String checker;
  String supervisor;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, api::sharedToken);
    checker = api.sharedToken("factchecker");
    supervisor = api.sharedToken("supervisor");
  }

  static long id(JsonObject o, String field) {
    return o.getJsonNumber(field).longValue();
  }

  /** The claims without a case, newest first, page by page, until the claim shows or pages end. */
  Optional<JsonObject> withoutCase(long claimId) {
    String after = "";
    for (int page = 0; page < 20; page++) {
      Api.Reply reply = api.get("api/cases/claims-without-case?limit=100" + after, supervisor);
      assertEquals(200, reply.status(), reply.toString());
      List<JsonObject> items = reply.object().getJsonArray("items").getValuesAs(JsonObject.class);
      for (JsonObject item : items) {
        if (id(item, "claimId") == claimId) {
          return Optional.of(item);
        }
        if (id(item, "claimId") < claimId) {
          return Optional.empty(); // newest first: it would have come already
        }
      }
      if (!reply.object().containsKey("next")) {
        return Optional.empty();
      }
      after = "&after=" + id(reply.object(), "next");
    }
    throw new AssertionError("the claim neither showed nor was passed in 20 pages");
  }

  @Test
  void aClaimWithoutCaseIsInTheTeamQueueUntilItsCaseIsOpened() {
    List<Long> claims = desk.newClaims(3, checker);
    JsonObject listed = withoutCase(claims.get(1)).orElseThrow();
    assertTrue(
        listed.getString("statement").endsWith("Anträge gingen 2023 ein."), listed.toString());
    assertEquals("factchecker", listed.getString("capturedBy"));
    assertEquals(1, listed.getInt("appearances"));
    assertNotNull(listed.getString("capturedAt"));

    // key paging: the page after the newest of the three starts with the next older one
    Api.Reply after =
        api.get("api/cases/claims-without-case?limit=1&after=" + claims.get(2), supervisor);
    assertEquals(200, after.status(), after.toString());
    assertEquals(
        claims.get(1),
        id(after.object().getJsonArray("items").getJsonObject(0), "claimId"),
        after.toString());
    assertEquals(claims.get(1), id(after.object(), "next"));

    JsonObject opened = desk.openCase(claims.get(1), supervisor);
    assertEquals(Optional.empty(), withoutCase(claims.get(1)));
    assertTrue(withoutCase(claims.get(0)).isPresent(), "the other claims are still waiting");

    Api.Reply trail =
        api.get(
            "api/audit?action=case.opened&caseId=" + id(opened, "id"), api.sharedToken("auditor"));
    assertEquals(200, trail.status(), trail.toString());
    assertEquals(1, trail.object().getJsonArray("items").size(), trail.toString());
  }

  @Test
  void aBadPageOfClaimsWithoutCaseIsA400() {
    for (String query : List.of("after=0", "after=abc", "limit=0", "limit=501")) {
      Api.Reply reply = api.get("api/cases/claims-without-case?" + query, supervisor);
      assertEquals(400, reply.status(), query + ": " + reply);
      assertTrue(reply.isProblem(), reply.toString());
    }
  }

  /** The person's entry in the list of people a supervisor may assign. */
  JsonObject loadOf(String username) {
    Api.Reply reply = api.get("api/cases/assignable", supervisor);
    assertEquals(200, reply.status(), reply.toString());
    return reply.json().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("username").equals(username))
        .findFirst()
        .orElseThrow(() -> new AssertionError(username + " is not assignable: " + reply));
  }

  @Test
  void supervisorsChooseAssigneesSeeingTheirOpenAndOverdueCases() {
    JsonObject before = loadOf("factchecker2");
    assertEquals("Aylin Demir", before.getString("name"));
    List<String> people =
        api.get("api/cases/assignable", supervisor).json().asJsonArray().stream()
            .map(p -> p.asJsonObject().getString("username"))
            .toList();
    assertTrue(people.containsAll(List.of("factchecker", "supervisor2")), people.toString());
    assertFalse(people.contains("auditor"), "auditors do not work cases: " + people);
    assertFalse(people.contains("admin"), people.toString());

    // one overdue case and one due next week for factchecker2
    for (int days : new int[] {-3, 7}) {
      JsonObject c = desk.openCase(desk.newClaim(supervisor), supervisor);
      Api.Reply due =
          api.send(
              "PATCH",
              "api/cases/" + id(c, "id"),
              supervisor,
              Json.createObjectBuilder()
                  .add("version", id(c, "version"))
                  .add("dueOn", LocalDate.now().plusDays(days).toString())
                  .build()
                  .toString());
      assertEquals(200, due.status(), due.toString());
      assign(id(c, "id"), id(due.object(), "version"), supervisor, "factchecker2", 200);
    }
    JsonObject after = loadOf("factchecker2");
    assertEquals(id(before, "open") + 2, id(after, "open"), after.toString());
    assertEquals(id(before, "overdue") + 1, id(after, "overdue"), after.toString());

    assertEquals(403, api.get("api/cases/assignable", checker).status());
  }

  Api.Reply assign(long caseId, long version, String token, String username, int expected) {
    Api.Reply reply =
        api.post(
            "api/cases/" + caseId + "/assignees",
            token,
            "{\"version\":" + version + ",\"usernames\":[\"" + username + "\"]}");
    assertEquals(expected, reply.status(), reply.toString());
    return reply;
  }

  @Test
  void twoSupervisorsAssigningAtOnceGetOneAssignmentAndOneConflictNever500() throws Exception {
    String second = api.sharedToken("supervisor2");
    JsonObject c = desk.openCase(desk.newClaim(checker), checker);
    long caseId = id(c, "id");
    long version = id(c, "version");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Api.Reply>> both = new ArrayList<>();
    for (String[] who : new String[][] {{supervisor, "factchecker"}, {second, "factchecker2"}}) {
      both.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return api.post(
                    "api/cases/" + caseId + "/assignees",
                    who[0],
                    "{\"version\":" + version + ",\"usernames\":[\"" + who[1] + "\"]}");
              }));
    }
    start.countDown();
    List<Api.Reply> replies = new ArrayList<>();
    for (CompletableFuture<Api.Reply> f : both) {
      replies.add(f.get());
    }
    assertEquals(
        List.of(200, 409),
        replies.stream().map(Api.Reply::status).sorted().toList(),
        replies.toString());
    Api.Reply won = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    Api.Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    assertTrue(lost.isProblem(), lost.toString());
    JsonObject now = api.get("api/cases/" + caseId, checker).object();
    assertEquals(won.object().getJsonArray("assignees"), now.getJsonArray("assignees"));
    assertEquals(1, now.getJsonArray("assignees").size());
  }

  @Test
  void theInboxSaysWhyAVerdictWasSentBack() {
    long caseId = desk.caseInReview(desk.newClaim(checker), "FALSE");
    String reason = "Die Quelle [E1] ist von 2019; bitte die aktuelle Statistik ergänzen.";
    desk.step(caseId, supervisor, "request-changes", reason);

    Api.Reply inbox = api.get("api/inbox?limit=200", checker);
    assertEquals(200, inbox.status(), inbox.toString());
    List<JsonObject> onCase =
        inbox.object().getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .filter(e -> id(e, "caseId") == caseId)
            .toList();
    JsonObject sentBack =
        onCase.stream()
            .filter(e -> e.getString("kind").equals("CHANGES_REQUESTED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no entry for the send-back: " + onCase));
    assertEquals(reason, sentBack.getString("reason"));
    assertEquals("supervisor", sentBack.getString("actor"));
    // the assignment before it carries no reason
    List<JsonObject> assigned =
        onCase.stream().filter(e -> e.getString("kind").equals("ASSIGNED")).toList();
    assertEquals(1, assigned.size(), onCase.toString());
    assertFalse(assigned.get(0).containsKey("reason"), assigned.toString());
  }
}
