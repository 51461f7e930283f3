package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Hostile requests to the verdict workflow, the review settings, notes, the case queues, the inbox
 * and the public feed: every one is a 400 problem+json naming the offending field or parameter,
 * never a 500 or a 404, and nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerdictRequestsIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
  }

  /** What a field of a request body is, and so which hostile values it gets. */
  enum Kind {
    NUMBER,
    TEXT,
    CONSTANT,
    FLAG
  }

  /**
   * A field: its kind, whether it is required, its longest text or its range, and a valid value
   * (raw JSON).
   */
  record Field(String name, Kind kind, boolean required, long min, long max, String valid) {
    static Field number(String name, boolean required, long min, long max, String valid) {
      return new Field(name, Kind.NUMBER, required, min, max, valid);
    }

    static Field text(String name, boolean required, int longest, String valid) {
      return new Field(name, Kind.TEXT, required, 0, longest, "\"" + valid + "\"");
    }

    static Field constant(String name, boolean required, String valid) {
      return new Field(name, Kind.CONSTANT, required, 0, 0, "\"" + valid + "\"");
    }

    static Field flag(String name, String valid) {
      return new Field(name, Kind.FLAG, true, 0, 0, valid);
    }

    /** Each hostile value (raw JSON; null for "left out") and what it tries. */
    Map<String, String> hostile() {
      Map<String, String> values = new LinkedHashMap<>();
      if (required) {
        values.put("missing", null);
        values.put("null", "null");
      }
      values.put("a list", "[1]");
      values.put("an object", "{}");
      switch (kind) {
        case NUMBER -> {
          values.put("a text", "\"1\"");
          values.put("a flag", "true");
          values.put("beyond 64 bits", "18446744073709551623");
          values.put("a fraction", "1.5");
          values.put("huge", "1e300");
          if (min > Long.MIN_VALUE) {
            values.put("below the range", String.valueOf(min - 1));
          }
          if (max < Long.MAX_VALUE) {
            values.put("above the range", String.valueOf(max + 1));
          }
        }
        case TEXT -> {
          values.put("a number", "5");
          values.put("a list of numbers", "[1, 2]");
          values.put("too long", "\"" + "x".repeat((int) max + 1) + "\"");
          if (required) {
            values.put("blank", "\"   \"");
          }
        }
        case CONSTANT -> {
          values.put("unknown", "\"NO_SUCH_VALUE\"");
          values.put("a number", "5");
        }
        case FLAG -> {
          values.put("a text", "\"true\"");
          values.put("a number", "1");
        }
      }
      return values;
    }
  }

  /** A hostile request and the field its refusal must name. */
  record Hostile(String method, String path, String token, String body, String field, String what) {
    @Override
    public String toString() {
      return method + " " + path + " (" + what + ")";
    }
  }

  /** The body as JSON: every field valid except {@code name}, which gets {@code raw}. */
  static String body(List<Field> fields, String name, String raw) {
    return fields.stream()
        .filter(f -> !f.name().equals(name) || raw != null)
        .map(f -> "\"" + f.name() + "\":" + (f.name().equals(name) ? raw : f.valid()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** Bodies of the wrong shape, then each field's hostile values. */
  static List<Hostile> hostile(String method, String path, String token, List<Field> fields) {
    List<Hostile> requests = new ArrayList<>();
    for (String wrong : List.of("null", "[]", "\"x\"", "5")) {
      requests.add(new Hostile(method, path, token, wrong, "body", "body " + wrong));
    }
    fields.stream()
        .filter(Field::required)
        .forEach(f -> requests.add(new Hostile(method, path, token, "{}", f.name(), "{}")));
    for (Field f : fields) {
      f.hostile()
          .forEach(
              (what, raw) ->
                  requests.add(
                      new Hostile(
                          method,
                          path,
                          token,
                          body(fields, f.name(), raw),
                          f.name(),
                          f.name() + " " + what)));
    }
    return requests;
  }

  long newestAuditSeq() {
    Api.Reply r = api.get("api/audit?limit=1", token("auditor"));
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
  }

  /** The refusal is a 400 problem whose errors name {@code field}. */
  static void assertNames(Api.Reply r, String field, Object request) {
    assertEquals(400, r.status(), request + ": " + r);
    assertTrue(r.isProblem(), request + ": " + r);
    assertTrue(r.object().containsKey("errors"), request + ": " + r);
    Set<String> named =
        r.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .collect(Collectors.toSet());
    assertTrue(named.contains(field), request + " should name " + field + ": " + r);
  }

  /** A case in research with E1 and a proposed verdict, worked by the demo fact-checker. */
  JsonObject caseWithVerdict() {
    String checker = token("factchecker");
    long id = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    Api.Reply evidence =
        api.post(
            "api/cases/" + id + "/evidence",
            checker,
            "{\"kind\":\"document\",\"stance\":\"REFUTES\",\"summary\":\"Die Statistik.\","
                + "\"url\":\"https://example.org/statistik/"
                + UUID.randomUUID()
                + "\"}");
    assertEquals(201, evidence.status(), evidence.toString());
    desk.step(id, checker, "start-research", null);
    Api.Reply proposed =
        api.post(
            "api/cases/" + id + "/verdict",
            checker,
            "{\"rating\":\"FALSE\",\"claimReviewed\":\"Die Zahl\",\"conclusion\":\"Falsch.\","
                + "\"explanation\":\"Siehe [E1].\"}");
    assertEquals(200, proposed.status(), proposed.toString());
    return proposed.object();
  }

  @Test
  void hostileBodiesAreRefusedNamingTheFieldAndNothingIsStored() {
    String checker = token("factchecker");
    String supervisor = token("supervisor");
    String admin = token("admin");
    JsonObject verdict = caseWithVerdict();
    long caseId = verdict.getJsonNumber("caseId").longValue();
    String cases = "api/cases/" + caseId;
    String caseVersion = String.valueOf(verdict.getJsonNumber("caseVersion").longValue());
    JsonObject scale =
        api.get("api/scales", checker).json().asJsonArray().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getBoolean("current"))
            .findFirst()
            .orElseThrow();
    String scales = "api/scales/" + scale.getJsonNumber("id").longValue();
    String scaleVersion = String.valueOf(scale.getJsonNumber("version").longValue());
    JsonObject policy = api.get("api/review-policy", admin).object();

    // valid apart from the hostile field: each would change something if it got through
    List<Hostile> requests = new ArrayList<>();
    requests.addAll(
        hostile(
            "POST",
            cases + "/transitions",
            checker,
            List.of(
                Field.constant("action", true, "submit"),
                Field.number("version", true, Long.MIN_VALUE, Long.MAX_VALUE, caseVersion),
                Field.text("comment", false, 5000, "Bitte prüfen."),
                Field.constant("correction", false, "UPDATE"))));
    requests.addAll(
        hostile(
            "POST",
            cases + "/verdict",
            checker,
            List.of(
                Field.number(
                    "version",
                    false,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE,
                    String.valueOf(verdict.getJsonNumber("version").longValue())),
                Field.text("rating", true, 40, "FALSE"),
                Field.text("claimReviewed", true, 200, "Die Zahl der Anträge"),
                Field.text("conclusion", true, 400, "Eine andere Schlussfolgerung."),
                Field.text("explanation", true, 20000, "Siehe [E1] noch einmal."))));
    requests.addAll(
        hostile(
            "POST",
            cases + "/verdict/cross-check",
            token("factchecker2"),
            List.of(
                Field.number("version", true, Long.MIN_VALUE, Long.MAX_VALUE, caseVersion),
                Field.text("rating", true, 40, "FALSE"),
                Field.text("rationale", false, 5000, "Gleiche Einschätzung."))));
    requests.addAll(
        hostile(
            "POST",
            cases + "/verdict/comments",
            supervisor,
            List.of(
                Field.text("passage", false, 1000, "Falsch."),
                Field.text("comment", true, 5000, "Quelle fehlt."))));
    requests.addAll(
        hostile(
            "POST",
            cases + "/notes",
            checker,
            List.of(Field.text("body", true, 5000, "Eine Notiz."))));
    requests.addAll(
        hostile(
            "POST",
            scales + "/ratings",
            admin,
            List.of(
                Field.number("version", true, Long.MIN_VALUE, Long.MAX_VALUE, scaleVersion),
                Field.text("code", true, 40, "HOSTILE_TEST"),
                Field.text("labelDe", true, 100, "Feindlich"),
                Field.text("labelEn", true, 100, "Hostile"),
                Field.number("ratingValue", false, 1, Integer.MAX_VALUE, "1"),
                Field.number("position", false, 1, Integer.MAX_VALUE, "1"))));
    requests.addAll(
        hostile(
            "POST",
            scales + "/retire",
            admin,
            List.of(Field.number("version", true, Long.MIN_VALUE, Long.MAX_VALUE, scaleVersion))));
    requests.addAll(
        hostile(
            "PUT",
            "api/review-policy",
            admin,
            List.of(
                Field.number(
                    "version",
                    true,
                    Long.MIN_VALUE,
                    Long.MAX_VALUE,
                    String.valueOf(policy.getJsonNumber("version").longValue())),
                Field.number("quorum", true, 1, 5, String.valueOf(policy.getInt("quorum"))),
                Field.flag(
                    "blindCrossCheck", String.valueOf(policy.getBoolean("blindCrossCheck"))))));

    long before = newestAuditSeq();
    for (Hostile h : requests) {
      assertNames(api.send(h.method(), h.path(), h.token(), h.body()), h.field(), h);
    }
    assertEquals(before, newestAuditSeq(), "nothing stored");
  }

  @Test
  void aMissingVersionIsNamedNotAConflict() {
    JsonObject verdict = caseWithVerdict();
    long caseId = verdict.getJsonNumber("caseId").longValue();
    Api.Reply r =
        api.post(
            "api/cases/" + caseId + "/transitions",
            token("factchecker"),
            "{\"action\":\"submit\"}");
    assertNames(r, "version", "transition without version");
  }

  @Test
  void badQueryValuesAreRefusedNamingTheParameter() {
    String checker = token("factchecker");
    String[][] requests = {
      {"api/cases?limit=abc", "limit"},
      {"api/cases?limit=0", "limit"},
      {"api/cases?limit=501", "limit"},
      {"api/cases?limit=1.5", "limit"},
      {"api/cases?limit=18446744073709551623", "limit"},
      {"api/cases?status=LATE", "status"},
      {"api/cases?priority=sometimes", "priority"},
      {"api/cases?queue=later", "queue"},
      {"api/cases?sort=colour", "sort"},
      {"api/cases?order=sideways", "order"},
      {"api/cases?unassigned=maybe", "unassigned"},
      {"api/cases?overdue=1", "overdue"},
      {"api/cases?after=not%20a%20cursor!", "after"},
      {"api/cases?q=" + "x".repeat(201), "q"},
      {"api/cases?tag=" + "x".repeat(61), "tag"},
      {"api/cases?assignee=" + "x".repeat(65), "assignee"},
      {"api/cases/export?status=LATE", "status"},
      {"api/cases/export?unassigned=maybe", "unassigned"},
      {"api/cases/export?sort=colour", "sort"},
      {"api/inbox?limit=abc", "limit"},
      {"api/inbox?limit=0", "limit"},
      {"api/inbox?limit=201", "limit"},
      {"api/inbox?unread=maybe", "unread"},
      {"api/inbox?before=abc", "before"},
      {"api/inbox?before=0", "before"},
      {"api/claimreviews?offset=abc", "offset"},
      {"api/claimreviews?offset=-1", "offset"},
      {"api/claimreviews?limit=0", "limit"},
      {"api/claimreviews?limit=101", "limit"},
      {"api/claimreviews?limit=1e300", "limit"},
    };
    long before = newestAuditSeq();
    for (String[] r : requests) {
      assertNames(api.get(r[0], checker), r[1], r[0]);
    }
    assertEquals(before, newestAuditSeq(), "nothing stored, no export recorded");
  }

  @Test
  void queryNamesAreReadInAnyCase() {
    Api.Reply r =
        api.get(
            "api/cases?queue=ALL&status=in_research&priority=High&sort=Due&order=DESC"
                + "&unassigned=FALSE&overdue=false&limit=5",
            token("factchecker"));
    assertEquals(200, r.status(), r.toString());
  }

  @Test
  void theClaimReviewFeedAnswersJsonToo() {
    Api.Reply json =
        api.send("GET", "api/claimreviews?limit=1", null, "", "Accept", "application/json");
    assertEquals(200, json.status(), json.toString());
    assertTrue(json.contentType().startsWith("application/json"), json.toString());
    assertEquals("DataFeed", json.object().getString("@type"));
    Api.Reply usual = api.get("api/claimreviews?limit=1", null);
    assertTrue(usual.contentType().startsWith("application/ld+json"), usual.toString());
  }
}
