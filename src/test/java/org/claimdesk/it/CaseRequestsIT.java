package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile bodies for the case endpoints: each is a 400 problem+json whose {@code errors} names the
 * field, nothing is stored, and no number changes its value on the way in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseRequestsIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String supervisor;
  String auditor;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
    supervisor = token("supervisor");
    auditor = token("auditor");
  }

  /** One hostile request and the field its answer must name. */
  record Hostile(String method, String path, String body, String field) {}

  long newestEvent() {
    Api.Reply r = api.get("api/audit?limit=1", auditor);
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
  }

  @Test
  void everyMalformedCaseRequestNamesItsFieldAndStoresNothing() {
    long claim = desk.newClaim(supervisor);
    JsonObject open = desk.openCase(desk.newClaim(supervisor), supervisor);
    long id = open.getJsonNumber("id").longValue();
    long version = open.getJsonNumber("version").longValue();
    String deep = "[".repeat(5000) + "]".repeat(5000);
    List<Hostile> requests =
        List.of(
            new Hostile("POST", "api/cases", "null", "body"),
            new Hostile("POST", "api/cases", "[]", "body"),
            new Hostile("POST", "api/cases", "\"x\"", "body"),
            new Hostile("POST", "api/cases", "{}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":null}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":\"x\"}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":1.5}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":1e300}", "claimId"),
            // 2^64 + 7 once became claim 7
            new Hostile("POST", "api/cases", "{\"claimId\":18446744073709551623}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":-3}", "claimId"),
            new Hostile("POST", "api/cases", "{\"claimId\":" + claim + ",\"tags\":[1]}", "tags"),
            new Hostile("POST", "api/cases", "{\"claimId\":" + claim + ",\"tags\":\"x\"}", "tags"),
            new Hostile(
                "POST",
                "api/cases",
                "{\"claimId\":" + claim + ",\"priority\":\"SOON\"}",
                "priority"),
            new Hostile(
                "POST",
                "api/cases",
                "{\"claimId\":" + claim + ",\"dueOn\":\"2024-02-31\"}",
                "dueOn"),
            new Hostile(
                "POST",
                "api/cases",
                "{\"claimId\":" + claim + ",\"title\":\"" + "T".repeat(201) + "\"}",
                "title"),
            new Hostile("POST", "api/cases", deep, "body"),
            new Hostile("PATCH", "api/cases/" + id, "[]", "body"),
            new Hostile("PATCH", "api/cases/" + id, "{\"priority\":\"LOW\"}", "version"),
            new Hostile(
                "PATCH",
                "api/cases/" + id,
                "{\"version\":" + version + ",\"noDueDate\":\"yes\"}",
                "noDueDate"),
            new Hostile("POST", "api/cases/" + id + "/take", "{}", "version"),
            new Hostile("POST", "api/cases/" + id + "/take", "{\"version\":\"1\"}", "version"),
            new Hostile(
                "POST",
                "api/cases/" + id + "/assignees",
                "{\"version\":" + version + "}",
                "usernames"),
            new Hostile(
                "POST",
                "api/cases/" + id + "/assignees",
                "{\"version\":" + version + ",\"usernames\":[null]}",
                "usernames"));
    long before = newestEvent();
    List<String> wrong = new ArrayList<>();
    for (Hostile h : requests) {
      Api.Reply r = api.send(h.method(), h.path(), supervisor, h.body());
      String named =
          r.isProblem() && r.object().containsKey("errors")
              ? r.object().getJsonArray("errors").getJsonObject(0).getString("field")
              : "(no errors member)";
      if (r.status() != 400 || !r.isProblem() || !named.startsWith(h.field())) {
        wrong.add(h.method() + " " + h.path() + " " + abbreviated(h.body()) + " → " + r);
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(before, newestEvent(), "nothing was stored");
  }

  @Test
  void wellFormedRequestsStillWorkWithLowerCaseNamesAndAnExplicitClearing() {
    JsonObject c = desk.openCase(desk.newClaim(supervisor), supervisor);
    long id = c.getJsonNumber("id").longValue();
    Api.Reply dated =
        api.send(
            "PATCH",
            "api/cases/" + id,
            supervisor,
            "{\"version\":"
                + c.getJsonNumber("version")
                + ",\"dueOn\":\"2031-01-02\",\"priority\":\"urgent\"}");
    assertEquals(200, dated.status(), dated.toString());
    assertEquals("2031-01-02", dated.object().getString("dueOn"));
    assertEquals("URGENT", dated.object().getString("priority"));
    Api.Reply cleared =
        api.send(
            "PATCH",
            "api/cases/" + id,
            supervisor,
            "{\"version\":" + dated.object().getJsonNumber("version") + ",\"noDueDate\":true}");
    assertEquals(200, cleared.status(), cleared.toString());
    assertTrue(
        !cleared.object().containsKey("dueOn") || cleared.object().isNull("dueOn"),
        cleared.toString());
    assertEquals("URGENT", cleared.object().getString("priority"), "left out, left alone");
  }

  static String abbreviated(String body) {
    return body.length() > 60 ? body.substring(0, 60) + "…" : body;
  }
}
