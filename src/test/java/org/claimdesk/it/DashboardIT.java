package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's figures over REST ({@code GET /api/dashboard}). Other tests share the database,
 * but none runs at the same time, so each figure is checked as the exact change that this test's
 * own cases make; each person's queue is checked exactly for a person created here. The median
 * itself is checked to the second by TimeToPublicationTest (H2) and PostgresIT (PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {
  static final String PASSWORD = "dashboard-test-password";

  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String supervisor;
  String auditor;
  String admin;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, api::sharedToken);
    supervisor = api.sharedToken("supervisor");
    auditor = api.sharedToken("auditor");
    admin = api.sharedToken("admin");
  }

  JsonObject figures(String token, String query) {
    Api.Reply reply = api.get("api/dashboard" + query, token);
    assertEquals(200, reply.status(), reply.toString());
    return reply.object();
  }

  static long status(JsonObject figures, String status) {
    return figures.getJsonObject("casesByStatus").getJsonNumber(status).longValue();
  }

  static long number(JsonObject figures, String name) {
    return figures.getJsonNumber(name).longValue();
  }

  static Optional<JsonObject> person(JsonObject figures, String username) {
    return figures.getJsonArray("people").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("username").equals(username))
        .findFirst();
  }

  static Map<String, Long> publishedByRating(JsonObject figures) {
    return figures.getJsonArray("verdictsByRating").getValuesAs(JsonObject.class).stream()
        .collect(
            Collectors.toMap(
                r -> r.getString("code"), r -> r.getJsonNumber("published").longValue()));
  }

  /** A new fact-checker nobody has given a case yet. */
  String newFactChecker() {
    String username = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Dashboard Test")
                .add("password", PASSWORD)
                .add("roles", Json.createArrayBuilder().add("FACT_CHECKER"))
                .build()
                .toString());
    assertEquals(201, created.status(), created.toString());
    return username;
  }

  /**
   * A case on a new claim, due {@code dueInDays} from today (UTC, the server's clock), worked by
   * {@code assignee} if given.
   */
  long openCase(int dueInDays, String assignee) {
    Api.Reply opened =
        api.post(
            "api/cases",
            supervisor,
            Json.createObjectBuilder()
                .add("claimId", desk.newClaim(supervisor))
                .add("selectionReason", "Für die Übersicht")
                .add("priority", "normal")
                .add("dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(dueInDays).toString())
                .build()
                .toString());
    assertEquals(201, opened.status(), opened.toString());
    JsonObject c = opened.object();
    long id = c.getJsonNumber("id").longValue();
    if (assignee != null) {
      Api.Reply assigned =
          api.post(
              "api/cases/" + id + "/assignees",
              supervisor,
              Json.createObjectBuilder()
                  .add("version", c.getJsonNumber("version").longValue())
                  .add("usernames", Json.createArrayBuilder().add(assignee))
                  .build()
                  .toString());
      assertEquals(200, assigned.status(), assigned.toString());
    }
    return id;
  }

  @Test
  void statusCountsOverdueCasesAndEachPersonsQueueChangeByExactlyWhatHappened() {
    String person = newFactChecker();
    JsonObject before = figures(auditor, "");
    assertTrue(person(before, person).isEmpty(), "nobody's queue before a first case");

    openCase(-3, person); // NEW, overdue
    long researching = openCase(5, person);
    desk.step(researching, supervisor, "start-research", null);
    long dismissed = openCase(-3, person);
    desk.step(dismissed, supervisor, "dismiss", "Nicht prüfbar."); // closed: never overdue
    openCase(-1, null); // NEW, overdue, nobody's

    JsonObject after = figures(auditor, "");
    assertEquals(number(before, "cases") + 4, number(after, "cases"));
    assertEquals(status(before, "NEW") + 2, status(after, "NEW"));
    assertEquals(status(before, "IN_RESEARCH") + 1, status(after, "IN_RESEARCH"));
    assertEquals(status(before, "DISMISSED") + 1, status(after, "DISMISSED"));
    for (String unchanged : List.of("IN_REVIEW", "APPROVED", "PUBLISHED", "IN_CORRECTION")) {
      assertEquals(status(before, unchanged), status(after, unchanged), unchanged);
    }
    assertEquals(
        List.of(
            "NEW",
            "IN_RESEARCH",
            "IN_REVIEW",
            "APPROVED",
            "PUBLISHED",
            "IN_CORRECTION",
            "DISMISSED"),
        List.copyOf(after.getJsonObject("casesByStatus").keySet()),
        "every status, in workflow order");
    assertEquals(number(before, "overdue") + 2, number(after, "overdue"));
    JsonObject queue = person(after, person).orElseThrow();
    assertEquals(2, queue.getJsonNumber("open").longValue(), "the dismissed case is not open");
    assertEquals(1, queue.getJsonNumber("overdue").longValue());
    List<Long> open =
        after.getJsonArray("people").getValuesAs(JsonObject.class).stream()
            .map(p -> p.getJsonNumber("open").longValue())
            .toList();
    assertEquals(
        open.stream().sorted((a, b) -> Long.compare(b, a)).toList(), open, "busiest first");

    // everyone signed in may read it; nobody else
    for (String role : List.of("factchecker", "supervisor", "admin")) {
      assertEquals(200, api.get("api/dashboard", api.sharedToken(role)).status(), role);
    }
    assertEquals(401, api.get("api/dashboard", null).status());
    Api.Reply unknownLanguage = api.get("api/dashboard?language=fr", auditor);
    assertEquals(400, unknownLanguage.status(), unknownLanguage.toString());
  }

  @Test
  void publishedVerdictsCountByTheirPublicRatingAcrossScaleVersions() {
    JsonObject scale = currentScale();
    JsonObject before = figures(auditor, "?language=en");
    long first = desk.publishedCase("MANIPULATED").getJsonNumber("id").longValue();

    // a new scale version; a verdict on it with the same code counts with the first one
    String added = "DASH_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    Api.Reply extended =
        api.post(
            "api/scales/" + scale.getJsonNumber("id") + "/ratings",
            admin,
            Json.createObjectBuilder()
                .add("version", scale.getJsonNumber("version").longValue())
                .add("code", added)
                .add("labelDe", "Übersichtstest")
                .add("labelEn", "Dashboard test")
                .build()
                .toString());
    assertEquals(200, extended.status(), extended.toString());
    desk.publishedCase("MANIPULATED");

    JsonObject after = figures(auditor, "?language=en");
    Map<String, Long> was = publishedByRating(before);
    Map<String, Long> now = publishedByRating(after);
    assertEquals(was.get("MANIPULATED") + 2, now.get("MANIPULATED"), "one row for the code");
    assertEquals(0, now.get(added), "a rating nobody used yet is listed with 0");
    assertEquals(number(before, "published") + 2, number(after, "published"));
    assertTrue(after.containsKey("medianDaysToPublication"), after.toString());
    assertTrue(after.getJsonNumber("medianDaysToPublication").doubleValue() >= 0);
    List<String> codes =
        after.getJsonArray("verdictsByRating").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("code"))
            .toList();
    assertEquals(
        currentScale().getJsonArray("ratings").getValuesAs(JsonObject.class).stream()
            .map(r -> r.getString("code"))
            .toList(),
        codes,
        "in the order of the newest scale version");
    assertEquals("Manipulated", label(after, "MANIPULATED"));
    assertEquals("Manipuliert", label(figures(auditor, "?language=de"), "MANIPULATED"));

    // a correction in progress changes the rating, not yet what the public reads
    desk.step(first, supervisor, "correct", "Neue Hinweise.");
    long version =
        api.get("api/cases/" + first + "/verdict", supervisor)
            .object()
            .getJsonNumber("version")
            .longValue();
    Api.Reply revised =
        api.post(
            "api/cases/" + first + "/verdict",
            api.sharedToken("factchecker"),
            Json.createObjectBuilder()
                .add("version", version)
                .add("rating", "TRUE")
                .add("claimReviewed", "Die Zahl der Anträge")
                .add("conclusion", "Die Zahl stimmt doch.")
                .add("explanation", "Die Behörde hat nachgezählt [E1].")
                .build()
                .toString());
    assertEquals(200, revised.status(), revised.toString());
    JsonObject correcting = figures(auditor, "");
    assertEquals(now.get("MANIPULATED"), publishedByRating(correcting).get("MANIPULATED"));
    assertEquals(now.get("TRUE"), publishedByRating(correcting).get("TRUE"));
    assertEquals(number(after, "published"), number(correcting, "published"));
    assertEquals(status(after, "PUBLISHED") - 1, status(correcting, "PUBLISHED"));
    assertEquals(status(after, "IN_CORRECTION") + 1, status(correcting, "IN_CORRECTION"));
  }

  JsonObject currentScale() {
    return api
        .get("api/scales", auditor)
        .json()
        .asJsonArray()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(s -> s.getBoolean("current"))
        .findFirst()
        .orElseThrow();
  }

  static String label(JsonObject figures, String code) {
    return figures.getJsonArray("verdictsByRating").getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("code").equals(code))
        .findFirst()
        .orElseThrow()
        .getString("label");
  }
}
