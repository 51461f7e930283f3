package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
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
 * Every edit path of the REST API with every field set: what was sent is what is read back, and
 * each edit is one audit event of its entity.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EditPathsIT {
  @ArquillianResource URL deployment;
  Api api;
  String checker;
  String auditor;
  Desk desk;
  String marker;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    checker = api.sharedToken("factchecker");
    auditor = api.sharedToken("auditor");
    desk = new Desk(api, user -> user.equals("factchecker") ? checker : api.sharedToken(user));
    marker = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aClaimIsEditedWithANewClaimantAnExistingOneAndNone() {
    long id = desk.newClaim(checker);
    JsonObject withNew = editClaim(id, "Neue Sprecherin " + marker, "2024-03-01");
    assertEquals("Neue Sprecherin " + marker, withNew.getString("claimant"), withNew.toString());
    assertEquals("2024-03-01", withNew.getString("claimedOn"));
    assertTrue(withNew.getString("statement").startsWith("Geändert " + marker));
    assertEquals("claimant.created", lastAction("claimant", withNew.getJsonNumber("claimantId")));
    assertEquals("claim.edited", lastAction("claim", id));

    String existing = "Bestehender Sprecher " + marker;
    long existingId =
        created(
            api.post(
                "api/claimants",
                checker,
                Json.createObjectBuilder()
                    .add("name", existing)
                    .add("kind", "PERSON")
                    .build()
                    .toString()));
    JsonObject withExisting = editClaim(id, existing.toUpperCase(), "2024-03-02");
    assertEquals(existingId, withExisting.getJsonNumber("claimantId").longValue());

    JsonObject without = editClaim(id, null, null);
    assertFalse(without.containsKey("claimant"), without.toString());
    assertFalse(without.containsKey("claimedOn"), without.toString());
    assertEquals(
        List.of("claim.captured", "claim.edited", "claim.edited", "claim.edited"),
        actions("claim", id));
  }

  @Test
  void aClaimantAnArticleAndASourceAreEditedWithEveryField() {
    long claimant =
        created(
            api.post(
                "api/claimants",
                checker,
                Json.createObjectBuilder().add("name", "Sprecher " + marker).build().toString()));
    JsonObject person =
        ok(
            api.send(
                "PUT",
                "api/claimants/" + claimant,
                checker,
                Json.createObjectBuilder()
                    .add("version", version("api/claimants/" + claimant))
                    .add("name", "Sprecherin " + marker)
                    .add("kind", "ORGANISATION")
                    .add("description", "Pressestelle " + marker)
                    .build()
                    .toString()));
    assertEquals("Sprecherin " + marker, person.getString("name"));
    assertEquals("ORGANISATION", person.getString("kind"));
    assertEquals("Pressestelle " + marker, person.getString("description"));
    assertEquals("claimant.edited", lastAction("claimant", claimant));

    Api.Reply imported =
        api.post(
            "api/articles",
            checker,
            Json.createObjectBuilder()
                .add("text", "Ein Artikel " + marker + ".")
                .build()
                .toString());
    assertEquals(201, imported.status(), imported.toString());
    long article = imported.object().getJsonObject("article").getJsonNumber("id").longValue();
    JsonObject metadata =
        ok(
            api.send(
                "PUT",
                "api/articles/" + article,
                checker,
                Json.createObjectBuilder()
                    .add("version", version("api/articles/" + article))
                    .add("title", "Titel " + marker)
                    .add("outlet", "Zeitung " + marker)
                    .add("url", "https://example.org/artikel/" + marker)
                    .add("author", "Autorin " + marker)
                    .add("publishedOn", "2024-05-06")
                    .add("language", "en")
                    .build()
                    .toString()));
    String sent =
        "Titel %1$s|Zeitung %1$s|https://example.org/artikel/%1$s|Autorin %1$s|2024-05-06|en"
            .formatted(marker);
    JsonObject a = metadata.getJsonObject("article");
    assertEquals(
        sent,
        String.join(
            "|",
            a.getString("title"),
            a.getString("outlet"),
            a.getString("url"),
            a.getString("author"),
            a.getString("publishedOn"),
            a.getString("language")),
        metadata.toString());
    assertEquals("article.edited", lastAction("article", article));

    long source =
        created(
            api.post(
                "api/sources",
                checker,
                Json.createObjectBuilder()
                    .add("name", "Quelle " + marker)
                    .add("kind", "AGENCY")
                    .build()
                    .toString()));
    JsonObject changed =
        ok(api.send(
                "PUT",
                "api/sources/" + source,
                checker,
                Json.createObjectBuilder()
                    .add("version", version("api/sources/" + source, "source"))
                    .add("name", "Amt " + marker)
                    .add("kind", "GOVERNMENT")
                    .add("url", "https://example.org/amt/" + marker)
                    .add("reliability", "MOSTLY_RELIABLE")
                    .add("reliabilityNote", "Amtliche Zahlen " + marker)
                    .add("confidential", true)
                    .build()
                    .toString()))
            .getJsonObject("source");
    assertEquals(
        "Amt %1$s|GOVERNMENT|https://example.org/amt/%1$s|MOSTLY_RELIABLE|Amtliche Zahlen %1$s|true"
            .formatted(marker),
        String.join(
            "|",
            changed.getString("name"),
            changed.getString("kind"),
            changed.getString("url"),
            changed.getString("reliability"),
            changed.getString("reliabilityNote"),
            String.valueOf(changed.getBoolean("confidential"))));
    assertEquals("source.edited", lastAction("source", source));
  }

  @Test
  void aCaseAndItsEvidenceAreEditedWithEveryField() {
    long caseId = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    JsonObject c =
        ok(
            api.send(
                "PATCH",
                "api/cases/" + caseId,
                checker,
                Json.createObjectBuilder()
                    .add("version", version("api/cases/" + caseId))
                    .add("title", "Fall " + marker)
                    .add("priority", "urgent")
                    .add("dueOn", "2031-01-02")
                    .add("selectionReason", "Grund " + marker)
                    .add("tags", Json.createArrayBuilder().add("Zahlen").add("Amt " + marker))
                    .build()
                    .toString()));
    assertEquals(
        "Fall %1$s|URGENT|2031-01-02|Grund %1$s|[\"amt %1$s\",\"zahlen\"]".formatted(marker),
        String.join(
            "|",
            c.getString("title"),
            c.getString("priority"),
            c.getString("dueOn"),
            c.getString("selectionReason"),
            c.getJsonArray("tags").toString()));
    assertEquals("case.edited", lastAction("case", caseId));

    long source =
        created(
            api.post(
                "api/sources",
                checker,
                Json.createObjectBuilder()
                    .add("name", "Statistikamt " + marker)
                    .add("kind", "GOVERNMENT")
                    .build()
                    .toString()));
    long item =
        created(
            api.post(
                "api/cases/" + caseId + "/evidence",
                checker,
                Json.createObjectBuilder()
                    .add("kind", "DOCUMENT")
                    .add("stance", "CONTEXT")
                    .add("summary", "Erste Fassung")
                    .add("url", "https://example.org/erst/" + marker)
                    .build()
                    .toString()));
    String path = "api/cases/" + caseId + "/evidence/" + item;
    JsonObject revised =
        ok(
            api.send(
                "PUT",
                path,
                checker,
                Json.createObjectBuilder()
                    .add("version", version(path))
                    .add("kind", "DATASET")
                    .add("stance", "REFUTES")
                    .add("summary", "Zweite Fassung " + marker)
                    .add("quote", "Zitat " + marker)
                    .add("sourceId", source)
                    .add("url", "https://example.org/zweit/" + marker)
                    .add("accessedOn", "2024-07-08")
                    .build()
                    .toString()));
    assertEquals(
        "DATASET|REFUTES|Zweite Fassung %1$s|Zitat %1$s|%2$d|https://example.org/zweit/%1$s|2024-07-08"
            .formatted(marker, source),
        String.join(
            "|",
            revised.getString("kind"),
            revised.getString("stance"),
            revised.getString("summary"),
            revised.getString("quote"),
            String.valueOf(revised.getJsonObject("source").getJsonNumber("id").longValue()),
            revised.getString("url"),
            revised.getString("accessedOn")));
    assertEquals("evidence.revised", lastAction("evidence", item));
  }

  @Test
  void anAccountIsEditedByAnotherAdministratorInEveryWay() {
    String admin = api.sharedToken("admin");
    String username = "edit-" + marker;
    Api.Reply made =
        api.post(
            "api/accounts",
            admin,
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Edit " + marker)
                .add("password", "a-long-password-" + marker)
                .add("roles", Json.createArrayBuilder().add("FACT_CHECKER"))
                .build()
                .toString());
    assertEquals(201, made.status(), made.toString());
    JsonObject roles =
        ok(
            api.send(
                "PUT",
                "api/accounts/" + username + "/roles",
                admin,
                "{\"roles\":[\"SUPERVISOR\",\"AUDITOR\"]}"));
    assertEquals(
        java.util.Set.of("AUDITOR", "SUPERVISOR"),
        java.util.Set.copyOf(roles.getJsonArray("roles").getValuesAs(JsonString::getString)));
    Api.Reply password =
        api.send(
            "PUT",
            "api/accounts/" + username + "/password",
            admin,
            "{\"password\":\"another-long-password-" + marker + "\"}");
    assertEquals(204, password.status(), password.toString());
    assertFalse(
        ok(api.post("api/accounts/" + username + "/disable", admin, "{}")).getBoolean("enabled"));
    assertTrue(
        ok(api.post("api/accounts/" + username + "/enable", admin, "{}")).getBoolean("enabled"));
    assertEquals(
        List.of(
            "account.created",
            "account.roles-changed",
            "account.password-reset",
            "account.disabled",
            "account.enabled"),
        actions("account", username));
  }

  // ---- helpers ------------------------------------------------------------------------------

  private JsonObject editClaim(long id, String claimant, String claimedOn) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("version", version("api/claims/" + id))
            .add("statement", "Geändert " + marker + " " + UUID.randomUUID());
    body.add("claimant", claimant == null ? JsonValue.NULL : Json.createValue(claimant));
    body.add("claimedOn", claimedOn == null ? JsonValue.NULL : Json.createValue(claimedOn));
    return ok(api.send("PUT", "api/claims/" + id, checker, body.build().toString()));
  }

  private long version(String path) {
    return ok(api.get(path, checker)).getJsonNumber("version").longValue();
  }

  private long version(String path, String inner) {
    return ok(api.get(path, checker)).getJsonObject(inner).getJsonNumber("version").longValue();
  }

  private static JsonObject ok(Api.Reply reply) {
    assertEquals(200, reply.status(), reply.toString());
    return reply.object();
  }

  private static long created(Api.Reply reply) {
    assertEquals(201, reply.status(), reply.toString());
    return reply.object().getJsonNumber("id").longValue();
  }

  private List<String> actions(String type, Object id) {
    Api.Reply events = api.get("api/audit/entities/" + type + "/" + id, auditor);
    assertEquals(200, events.status(), events.toString());
    return events.json().asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("action"))
        .toList();
  }

  private String lastAction(String type, Object id) {
    List<String> all = actions(type, id);
    return all.isEmpty() ? "(none)" : all.get(all.size() - 1);
  }
}
