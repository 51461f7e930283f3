package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two people doing the same thing to one case at the same moment: both get a clean answer, and the
 * case ends as if they had come one after the other. Each round fires two requests through a
 * barrier; each change is audited once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {
  static final int ROUNDS = 50;
  // a sign-in hashes for about 180 ms, so both of a round overlap nearly always
  static final int SIGN_IN_ROUNDS = 10;
  static final List<String> FOUR =
      List.of("factchecker", "factchecker2", "supervisor", "supervisor2");
  static final int AT_ONCE = FOUR.size();

  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  ExecutorService people;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
    people = Executors.newFixedThreadPool(AT_ONCE);
  }

  @AfterEach
  void release() {
    people.shutdownNow();
  }

  /** Runs the requests at the same moment and returns their replies in order. */
  @SafeVarargs
  final List<Api.Reply> together(Supplier<Api.Reply>... requests) throws Exception {
    CyclicBarrier start = new CyclicBarrier(requests.length);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (Supplier<Api.Reply> request : requests) {
      replies.add(
          people.submit(
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return request.get();
              }));
    }
    List<Api.Reply> done = new ArrayList<>();
    for (Future<Api.Reply> reply : replies) {
      done.add(reply.get(60, TimeUnit.SECONDS));
    }
    return done;
  }

  List<JsonObject> events(long caseId, String action) {
    Api.Reply r =
        api.get("api/audit?limit=500&caseId=" + caseId + "&action=" + action, token("auditor"));
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  Api.Reply approve(long caseId, long version, String bearer) {
    return api.post(
        "api/cases/" + caseId + "/transitions",
        bearer,
        Json.createObjectBuilder()
            .add("action", "approve")
            .add("version", version)
            .build()
            .toString());
  }

  @Test
  void twoSupervisorsApprovingAtOnceMeetAQuorumOfTwo() throws Exception {
    String supervisor = token("supervisor");
    List<Long> cases = new ArrayList<>();
    for (long claim : desk.newClaims(ROUNDS, supervisor)) {
      cases.add(desk.caseInReview(claim, "FALSE"));
    }
    desk.reviewPolicy(2, false);
    try {
      List<String> failures = new ArrayList<>();
      for (long id : cases) {
        long version =
            api.get("api/cases/" + id, supervisor).object().getJsonNumber("version").longValue();
        List<Api.Reply> replies =
            together(
                () -> approve(id, version, token("supervisor")),
                () -> approve(id, version, token("supervisor2")));
        String status = api.get("api/cases/" + id, supervisor).object().getString("status");
        Set<String> approvedBy =
            new HashSet<>(
                api
                    .get("api/cases/" + id + "/verdict", supervisor)
                    .object()
                    .getJsonArray("approvedBy")
                    .getValuesAs(JsonString.class)
                    .stream()
                    .map(JsonString::getString)
                    .toList());
        List<Integer> statuses = replies.stream().map(Api.Reply::status).toList();
        if (!status.equals("APPROVED")
            || !approvedBy.equals(Set.of("supervisor", "supervisor2"))
            || !statuses.equals(List.of(200, 200))) {
          failures.add("case " + id + ": " + status + " " + approvedBy + " " + statuses);
        }
        List<String> approvers =
            events(id, "case.approve").stream().map(e -> e.getString("actor")).sorted().toList();
        assertEquals(List.of("supervisor", "supervisor2"), approvers, "audited once each: " + id);
      }
      assertEquals(List.of(), failures, failures.size() + " of " + ROUNDS + " rounds failed");
    } finally {
      desk.reviewPolicy(1, false);
    }
  }

  @Test
  void twoEvidenceItemsAddedAtOnceGetDistinctNumbers() throws Exception {
    long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    List<String> failures = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      List<Api.Reply> replies =
          together(() -> addEvidence(id, "factchecker"), () -> addEvidence(id, "supervisor"));
      for (Api.Reply r : replies) {
        if (r.status() == 201) {
          labels.add(r.object().getString("label"));
        } else {
          failures.add("round " + round + ": " + r.status() + " " + r.contentType());
        }
      }
    }
    assertEquals(List.of(), failures, failures.size() + " of " + 2 * ROUNDS + " additions failed");
    assertEquals(2 * ROUNDS, new HashSet<>(labels).size(), "distinct numbers: " + labels);
    List<JsonObject> stored =
        api.get("api/cases/" + id + "/evidence", token("factchecker"))
            .json()
            .asJsonArray()
            .getValuesAs(JsonObject.class);
    assertEquals(
        labels.stream().sorted().toList(),
        stored.stream().map(e -> e.getString("label")).sorted().toList());
    assertEquals(
        stored.stream().map(e -> String.valueOf(e.getJsonNumber("id"))).sorted().toList(),
        events(id, "evidence.added").stream().map(e -> e.getString("entityId")).sorted().toList(),
        "each addition audited once");
  }

  /**
   * One person signing in twice at the same moment (two tabs, a script with HTTP Basic): both
   * sign-ins succeed and both are audited, although each records itself on the same account row.
   */
  @Test
  void onePersonSigningInTwiceAtOnceGetsInTwice() throws Exception {
    int before = events("supervisor2", "login.succeeded").size();
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < SIGN_IN_ROUNDS; round++) {
      String name = "both at once " + round;
      List<Api.Reply> replies =
          together(() -> issueToken("supervisor2", name), () -> issueToken("supervisor2", name));
      for (Api.Reply r : replies) {
        if (r.status() != 201) {
          failures.add("round " + round + ": " + r.status() + " " + r.contentType());
        }
      }
    }
    assertEquals(
        List.of(), failures, failures.size() + " of " + 2 * SIGN_IN_ROUNDS + " sign-ins failed");
    assertEquals(
        before + 2 * SIGN_IN_ROUNDS,
        events("supervisor2", "login.succeeded").size(),
        "each sign-in audited once");
  }

  /**
   * Four people opening a case on one claim at once: one case, and each of the others a clean
   * conflict (the service's own check, or the database's unique index when all checked at once).
   */
  @Test
  void fourPeopleOpeningACaseOnOneClaimAtOnceOpenOne() throws Exception {
    List<String> failures = new ArrayList<>();
    for (long claim : desk.newClaims(ROUNDS / 5, token("supervisor"))) {
      List<Api.Reply> replies = byFourAtOnce(person -> openCase(claim, person));
      failures.addAll(oneCreatedOthersInConflict("claim " + claim, replies));
    }
    assertEquals(List.of(), failures, failures.size() + " rounds failed");
  }

  /** Four people registering one new source at once: one source, three clean conflicts. */
  @Test
  void fourPeopleRegisteringOneSourceAtOnceRegisterOne() throws Exception {
    List<String> failures = new ArrayList<>();
    int before = registered();
    for (int round = 0; round < ROUNDS / 5; round++) {
      String name = "Gleichzeitiges Amt " + UUID.randomUUID();
      List<Api.Reply> replies = byFourAtOnce(person -> registerSource(name, person));
      failures.addAll(oneCreatedOthersInConflict(name, replies));
    }
    assertEquals(List.of(), failures, failures.size() + " rounds failed");
    assertEquals(before + ROUNDS / 5, registered(), "one registration audited per round");
  }

  /**
   * A case given to a person at the moment an administrator disables them: the case goes to them
   * before the disabling or is refused after it, never to a disabled account.
   */
  @Test
  void givingACaseToSomebodyBeingDisabledGoesBeforeOrNotAtAll() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < ROUNDS / 5; round++) {
      String person = newChecker();
      JsonObject c = desk.caseWorkedBy("factchecker");
      long id = c.getJsonNumber("id").longValue();
      long version = c.getJsonNumber("version").longValue();
      List<Api.Reply> replies =
          together(
              () -> api.post("api/accounts/" + person + "/disable", token("admin"), ""),
              () -> assign(id, version, person));
      failures.addAll(
          beforeOrRefused(person, "account.disabled", id, "case.assigned", 400, replies));
    }
    assertEquals(List.of(), failures, failures.size() + " rounds failed");
  }

  /**
   * A supervisor approving at the moment an administrator takes their supervisor role: the approval
   * goes before the change or is refused after it, never counted from a role already gone. Their
   * token was issued while they were a supervisor.
   */
  @Test
  void takingTheRoleOfSomebodyApprovingGoesBeforeOrNotAtAll() throws Exception {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < ROUNDS / 5; round++) {
      String password = "gleichzeitig-" + UUID.randomUUID();
      String person = newAccount("SUPERVISOR", password);
      Api.Reply issued = api.postWithBasic("api/tokens", person, password, "{\"name\":\"race\"}");
      assertEquals(201, issued.status(), issued.toString());
      String theirs = issued.object().getString("token");
      long id = desk.caseInReview(desk.newClaim(token("supervisor")), "FALSE");
      long version =
          api.get("api/cases/" + id, theirs).object().getJsonNumber("version").longValue();
      List<Api.Reply> replies =
          together(
              () ->
                  api.send(
                      "PUT",
                      "api/accounts/" + person + "/roles",
                      token("admin"),
                      "{\"roles\":[\"FACT_CHECKER\"]}"),
              () -> approve(id, version, theirs));
      failures.addAll(
          beforeOrRefused(person, "account.roles-changed", id, "case.approve", 403, replies));
    }
    assertEquals(List.of(), failures, failures.size() + " rounds failed");
  }

  /**
   * What went wrong in a round where an administrator changed a person's account (the first reply)
   * while a step on a case involving them ran (the second): the change succeeds, and the step
   * either comes before it or is refused with {@code refusal}. Either way no step of the case is
   * recorded after the change.
   */
  List<String> beforeOrRefused(
      String person,
      String change,
      long caseId,
      String step,
      int refusal,
      List<Api.Reply> replies) {
    int changed = replies.get(0).status();
    int stepped = replies.get(1).status();
    if (changed != 200 || stepped != 200 && stepped != refusal) {
      return List.of(person + ": " + replies);
    }
    long lastStep =
        events(caseId, step).stream()
            .mapToLong(e -> e.getJsonNumber("seq").longValue())
            .max()
            .orElse(0);
    return lastStep > seqOf(person, change)
        ? List.of(person + ": " + step + " recorded after " + change + " (" + stepped + ")")
        : List.of();
  }

  String newChecker() {
    return newAccount("FACT_CHECKER", "gleichzeitig-" + UUID.randomUUID());
  }

  String newAccount(String role, String password) {
    String username = "gleichzeitig-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            token("admin"),
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Gleichzeitig")
                .add("password", password)
                .add("roles", Json.createArrayBuilder().add(role))
                .build()
                .toString());
    assertEquals(201, created.status(), created.toString());
    return username;
  }

  Api.Reply assign(long caseId, long version, String person) {
    return api.post(
        "api/cases/" + caseId + "/assignees",
        token("supervisor"),
        Json.createObjectBuilder()
            .add("version", version)
            .add("usernames", Json.createArrayBuilder().add("factchecker").add(person))
            .build()
            .toString());
  }

  long seqOf(String account, String action) {
    Api.Reply r =
        api.get(
            "api/audit?limit=1&entityType=account&entityId=" + account + "&action=" + action,
            token("auditor"));
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
  }

  /** The same request by each of four people (two checkers, two supervisors) at one moment. */
  List<Api.Reply> byFourAtOnce(Function<String, Api.Reply> request) throws Exception {
    List<Supplier<Api.Reply>> requests = new ArrayList<>();
    for (String person : FOUR) {
      requests.add(() -> request.apply(person));
    }
    return together(requests.toArray(Supplier[]::new));
  }

  int registered() {
    return FOUR.stream().mapToInt(person -> events(person, "source.registered").size()).sum();
  }

  /** Problems in a round where exactly one request should create and the rest answer 409. */
  static List<String> oneCreatedOthersInConflict(String round, List<Api.Reply> replies) {
    List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
    boolean problems =
        replies.stream().filter(r -> r.status() == 409).allMatch(Api.Reply::isProblem);
    return statuses.equals(List.of(201, 409, 409, 409)) && problems
        ? List.of()
        : List.of(round + ": " + statuses + " " + replies);
  }

  Api.Reply openCase(long claim, String person) {
    return api.post(
        "api/cases",
        token(person),
        Json.createObjectBuilder()
            .add("claimId", claim)
            .add("priority", "HIGH")
            .add("selectionReason", "Gleichzeitig ausgewählt von " + person + ".")
            .build()
            .toString());
  }

  Api.Reply registerSource(String name, String person) {
    return api.post(
        "api/sources",
        token(person),
        Json.createObjectBuilder()
            .add("name", name)
            .add("kind", "GOVERNMENT")
            .add("url", "https://example.org/amt/" + UUID.randomUUID())
            .build()
            .toString());
  }

  Api.Reply issueToken(String person, String name) {
    return api.postWithBasic(
        "api/tokens",
        person,
        Api.DEMO_PASSWORD,
        Json.createObjectBuilder().add("name", name).build().toString());
  }

  List<JsonObject> events(String actor, String action) {
    Api.Reply r =
        api.get("api/audit?limit=500&actor=" + actor + "&action=" + action, token("auditor"));
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  Api.Reply addEvidence(long caseId, String person) {
    return api.post(
        "api/cases/" + caseId + "/evidence",
        token(person),
        Json.createObjectBuilder()
            .add("kind", "document")
            .add("stance", "CONTEXT")
            .add("summary", "Gleichzeitig erfasst von " + person + ".")
            .add("url", "https://example.org/gleichzeitig/" + UUID.randomUUID())
            .build()
            .toString());
  }
}
