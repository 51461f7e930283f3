package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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

/** Evidence and sources over REST: who may add, numbering and order, locking, registry rules. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvidenceIT {
  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String checker;
  String supervisor;
  String auditor;

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, api::sharedToken);
    checker = api.sharedToken("factchecker");
    supervisor = api.sharedToken("supervisor");
    auditor = api.sharedToken("auditor");
  }

  static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  JsonObject register(String token, String json) {
    Api.Reply reply = api.post("api/sources", token, json);
    assertEquals(201, reply.status(), reply.toString());
    return reply.object();
  }

  Api.Reply add(long caseId, String token, JsonObject item) {
    return api.post("api/cases/" + caseId + "/evidence", token, item.toString());
  }

  static JsonObject item(String stance, String summary, Long sourceId, String url) {
    var b =
        Json.createObjectBuilder()
            .add("kind", "official_statement")
            .add("stance", stance)
            .add("summary", summary);
    if (sourceId != null) {
      b.add("sourceId", sourceId);
    }
    if (url != null) {
      b.add("url", url);
    }
    return b.build();
  }

  static long id(JsonObject o) {
    return o.getJsonNumber("id").longValue();
  }

  static long version(JsonObject o) {
    return o.getJsonNumber("version").longValue();
  }

  @Test
  void theRegistryKeepsOneRecordPerNameAndRatingsNeedAReason() {
    String name = unique("Statistisches Bundesamt");
    JsonObject destatis =
        register(
            checker,
            "{\"name\":\""
                + name
                + "\",\"kind\":\"government\",\"url\":\"https://www.destatis.de\","
                + "\"reliability\":\"reliable\",\"reliabilityNote\":\"Amtliche Statistik\"}");
    assertEquals("GOVERNMENT", destatis.getString("kind"));
    assertEquals("RELIABLE", destatis.getString("reliability"));
    assertFalse(destatis.getBoolean("confidential"));

    Api.Reply again =
        api.post(
            "api/sources",
            supervisor,
            "{\"name\":\"  " + name.toUpperCase() + " \",\"kind\":\"government\"}");
    assertEquals(409, again.status(), again.toString());
    assertEquals("/api/sources/" + id(destatis), again.object().getString("existing"));

    Api.Reply noReason =
        api.post(
            "api/sources",
            checker,
            "{\"name\":\"" + unique("Blog") + "\",\"kind\":\"person\",\"reliability\":\"mixed\"}");
    assertEquals(400, noReason.status(), noReason.toString());
    assertTrue(
        noReason.object().getString("detail").contains("justification"), noReason.toString());

    Api.Reply script =
        api.post(
            "api/sources",
            checker,
            "{\"name\":\""
                + unique("X")
                + "\",\"kind\":\"person\",\"url\":\"javascript:alert(1)\"}");
    assertEquals(400, script.status(), script.toString());

    Api.Reply byAuditor =
        api.post("api/sources", auditor, "{\"name\":\"" + unique("Y") + "\",\"kind\":\"person\"}");
    assertEquals(403, byAuditor.status(), byAuditor.toString());

    Api.Reply stale =
        api.send(
            "PUT",
            "api/sources/" + id(destatis),
            supervisor,
            "{\"version\":"
                + (version(destatis) + 1)
                + ",\"name\":\""
                + name
                + "\",\"kind\":\"government\"}");
    assertEquals(409, stale.status(), stale.toString());
    assertTrue(stale.isProblem(), stale.toString());

    Api.Reply found = api.get("api/sources?q=" + name.replace(" ", "%20"), auditor);
    assertEquals(200, found.status(), found.toString());
    assertEquals(1, found.json().asJsonArray().size(), found.toString());
  }

  @Test
  void theOutletOfAnImportedArticleIsASource() {
    String outlet = unique("Kreisblatt");
    Api.Reply article =
        api.post(
            "api/articles",
            checker,
            Json.createObjectBuilder()
                .add("text", "Der Kreistag beschloss am Montag " + outlet + " neue Radwege.")
                .add("outlet", outlet)
                .build()
                .toString());
    assertEquals(201, article.status(), article.toString());
    Api.Reply found = api.get("api/sources?q=" + outlet.replace(" ", "%20"), checker);
    JsonObject source = found.json().asJsonArray().getJsonObject(0);
    assertEquals(outlet, source.getString("name"));
    assertEquals("NEWS_OUTLET", source.getString("kind"));
    assertEquals("UNRATED", source.getString("reliability"));
  }

  @Test
  void thePeopleOnTheCaseAddNumberedEvidenceAndOrderIt() {
    JsonObject unassigned = desk.openCase(desk.newClaim(supervisor), supervisor);
    JsonObject source =
        register(
            checker,
            "{\"name\":\""
                + unique("Kreml-Pressestelle")
                + "\",\"kind\":\"government\",\"reliability\":\"mixed\","
                + "\"reliabilityNote\":\"Staatliche Stelle einer Kriegspartei\"}");
    JsonObject first =
        item("supports", "Der Kreml bestätigt den Besuch.", id(source), "https://example.org/a");
    Api.Reply notOnIt = add(id(unassigned), checker, first);
    assertEquals(403, notOnIt.status(), notOnIt.toString());

    JsonObject c = desk.caseWorkedBy("factchecker");
    long caseId = id(c);
    Api.Reply e1 = add(caseId, checker, first);
    assertEquals(201, e1.status(), e1.toString());
    assertEquals("E1", e1.object().getString("label"));
    assertEquals(
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
        e1.object().getString("accessedOn"),
        "a web address without access date was accessed today");
    assertEquals(id(source), e1.object().getJsonObject("source").getJsonNumber("id").longValue());

    Api.Reply nowhere = add(caseId, checker, item("refutes", "Ohne Herkunft", null, null));
    assertEquals(400, nowhere.status(), nowhere.toString());
    Api.Reply byAuditor =
        add(caseId, auditor, item("refutes", "Prüfer", null, "https://example.org/b"));
    assertEquals(403, byAuditor.status(), byAuditor.toString());

    Api.Reply e2 =
        add(
            caseId,
            supervisor,
            item("refutes", "Satellitenbilder zeigen nichts.", null, "https://example.org/b"));
    assertEquals(201, e2.status(), e2.toString());
    assertEquals("E2", e2.object().getString("label"));

    Api.Reply moved =
        api.post(
            "api/cases/" + caseId + "/evidence/" + id(e2.object()) + "/position",
            checker,
            "{\"position\":1,\"version\":" + version(e2.object()) + "}");
    assertEquals(200, moved.status(), moved.toString());
    List<String> order =
        api.get("api/cases/" + caseId + "/evidence", auditor).json().asJsonArray().stream()
            .map(v -> v.asJsonObject().getString("label"))
            .toList();
    assertEquals(List.of("E2", "E1"), order);

    JsonObject page = api.get("api/sources/" + id(source), auditor).object();
    assertEquals(
        List.of(caseId),
        page.getJsonArray("cases").getValuesAs(JsonObject.class).stream()
            .map(EvidenceIT::id)
            .toList(),
        "the source page lists the case that used it");

    List<String> actions =
        api.get("api/audit?caseId=" + caseId, auditor).object().getJsonArray("items").stream()
            .map(v -> v.asJsonObject().getString("action"))
            .toList();
    assertEquals(2, actions.stream().filter("evidence.added"::equals).count(), actions.toString());
    assertEquals(2, actions.stream().filter("evidence.moved"::equals).count(), actions.toString());
  }

  @Test
  void aStaleRevisionIsRefusedWith409AndTheStoredItemStaysAsItWas() {
    long caseId = id(desk.caseWorkedBy("factchecker"));
    JsonObject e =
        add(caseId, checker, item("context", "Erste Fassung", null, "https://example.org/c"))
            .object();
    String path = "api/cases/" + caseId + "/evidence/" + id(e);
    JsonObject revised =
        Json.createObjectBuilder(item("refutes", "Zweite Fassung", null, "https://example.org/c"))
            .add("version", version(e))
            .add("quote", "wörtlich")
            .build();
    Api.Reply ok = api.send("PUT", path, supervisor, revised.toString());
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("wörtlich", ok.object().getString("quote"));

    JsonObject late =
        Json.createObjectBuilder(item("supports", "Dritte Fassung", null, "https://example.org/c"))
            .add("version", version(e))
            .build();
    Api.Reply stale = api.send("PUT", path, checker, late.toString());
    assertEquals(409, stale.status(), stale.toString());
    assertTrue(stale.isProblem(), stale.toString());
    JsonObject stored = api.get(path, checker).object();
    assertEquals("Zweite Fassung", stored.getString("summary"));
    assertEquals("REFUTES", stored.getString("stance"));

    List<JsonObject> events =
        api.get("api/audit?caseId=" + caseId + "&action=evidence.revised", auditor)
            .object()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class);
    assertEquals(1, events.size(), events.toString());
    assertTrue(events.get(0).toString().contains("Zweite Fassung"), events.toString());
  }

  @Test
  void aConfidentialSourceIsNeverExported() {
    String informant = unique("Informant aus dem Ministerium");
    String secretPage = "https://example.org/" + UUID.randomUUID();
    JsonObject source =
        register(
            checker,
            "{\"name\":\""
                + informant
                + "\",\"kind\":\"person\",\"confidential\":true,"
                + "\"reliability\":\"mostly_reliable\",\"reliabilityNote\":\"Bisher zutreffend\"}");
    assertTrue(source.getBoolean("confidential"));
    long caseId = id(desk.caseWorkedBy("factchecker"));
    add(
        caseId,
        checker,
        item("refutes", "Der Vertrag wurde nie unterzeichnet.", id(source), secretPage));
    add(
        caseId,
        checker,
        item("context", "=HYPERLINK(\"http://evil\")", null, "https://example.org/open"));

    JsonObject internal =
        api.get("api/cases/" + caseId + "/evidence", checker).json().asJsonArray().getJsonObject(0);
    assertEquals(informant, internal.getJsonObject("source").getString("name"), "the desk sees it");

    var export = api.download("api/cases/" + caseId + "/evidence/export", auditor);
    assertEquals(200, export.statusCode());
    String csv = new String(export.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertFalse(csv.contains(informant), csv);
    assertFalse(csv.contains(secretPage), csv);
    assertFalse(csv.contains("Ministerium"), csv);
    assertTrue(csv.contains("Der Vertrag wurde nie unterzeichnet.,,confidential,,"), csv);
    assertTrue(csv.contains("'=HYPERLINK"), "formulas are neutralised: " + csv);
    assertTrue(csv.contains("https://example.org/open"), csv);

    List<String> actions =
        api
            .get("api/audit?caseId=" + caseId + "&action=evidence.exported", auditor)
            .object()
            .getJsonArray("items")
            .stream()
            .map(v -> v.asJsonObject().getString("actor"))
            .toList();
    assertEquals(List.of("auditor"), actions);
  }

  @Test
  void filesAttachToItemsOnceAndTheirTextMakesTheCaseFindable() {
    String marker = "Hafenbecken" + UUID.randomUUID().toString().substring(0, 6);
    long caseId = id(desk.caseWorkedBy("factchecker"));
    long e1 =
        id(add(caseId, checker, item("refutes", "Bilder", null, "https://example.org/1")).object());
    long e2 =
        id(add(caseId, checker, item("context", "Karte", null, "https://example.org/2")).object());
    byte[] pdf = org.claimdesk.testing.SampleFiles.pdf("Im " + marker + " lagen keine Container.");

    Api.Reply first =
        api.upload(
            "api/cases/" + caseId + "/evidence/" + e1 + "/attachments",
            checker,
            "../Satellit Rajin.pdf",
            "application/octet-stream",
            pdf);
    assertEquals(201, first.status(), first.toString());
    JsonObject file = first.json().asJsonArray().getJsonObject(0);
    assertEquals("Satellit Rajin.pdf", file.getString("fileName"), "no path survives");
    assertEquals("application/pdf", file.getString("contentType"), "typed from the bytes");
    String sha = file.getString("sha256");
    Api.Reply again =
        api.upload(
            "api/cases/" + caseId + "/evidence/" + e2 + "/attachments",
            supervisor,
            "kopie.pdf",
            "application/pdf",
            pdf);
    assertEquals(201, again.status(), again.toString());
    assertEquals(sha, again.json().asJsonArray().getJsonObject(0).getString("sha256"));

    Api.Reply script =
        api.upload(
            "api/cases/" + caseId + "/evidence/" + e1 + "/attachments",
            checker,
            "bild.png",
            "image/png",
            org.claimdesk.testing.SampleFiles.htmlWithScript());
    assertEquals(422, script.status(), script.toString());
    assertEquals(
        1,
        api.get("api/cases/" + caseId + "/evidence/" + e1, checker)
            .object()
            .getJsonArray("files")
            .size(),
        "the refused file is not attached");
    Api.Reply byAuditor =
        api.upload(
            "api/cases/" + caseId + "/evidence/" + e1 + "/attachments",
            auditor,
            "a.pdf",
            "application/pdf",
            pdf);
    assertEquals(403, byAuditor.status(), byAuditor.toString());

    var download = api.download(file.getString("download"), auditor);
    assertEquals(200, download.statusCode());
    assertTrue(java.util.Arrays.equals(pdf, download.body()));
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));

    JsonObject hits = api.get("api/search?kind=evidence&q=" + marker, checker).object();
    assertEquals(2, hits.getJsonNumber("total").longValue(), hits.toString());
    for (JsonValue hit : hits.getJsonArray("hits")) {
      assertEquals(caseId, hit.asJsonObject().getJsonNumber("id").longValue(), "leads to the case");
    }
    List<String> events =
        api
            .get("api/audit?caseId=" + caseId + "&action=evidence.file-attached", auditor)
            .object()
            .getJsonArray("items")
            .stream()
            .map(v -> v.asJsonObject().getString("changes"))
            .toList();
    assertEquals(2, events.size(), events.toString());
    assertTrue(events.stream().allMatch(e -> e.contains(sha)), events.toString());
  }

  @Test
  void unknownCasesAndItemsAreNotFound() {
    assertEquals(404, api.get("api/cases/999999999/evidence", checker).status());
    long caseId = id(desk.caseWorkedBy("factchecker"));
    assertEquals(404, api.get("api/cases/" + caseId + "/evidence/999999999", checker).status());
    assertEquals(
        JsonValue.ValueType.ARRAY,
        api.get("api/cases/" + caseId + "/evidence", checker).json().getValueType());
  }
}
