package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * Hostile requests to the desk's endpoints (evidence, sources, claims, claimants, articles, tokens,
 * accounts, audit): every one is a 400 application/problem+json whose errors name the offending
 * field, never a 500, and nothing is stored.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskRequestsIT {
  static final String BIG = "18446744073709551623";

  @ArquillianResource URL deployment;
  Api api;
  Desk desk;
  String checker;
  String admin;
  String auditor;

  String token(String user) {
    return api.sharedToken(user);
  }

  @BeforeEach
  void connect() {
    api = Api.at(deployment);
    desk = new Desk(api, this::token);
    checker = token("factchecker");
    admin = token("admin");
    auditor = token("auditor");
  }

  /** A field of a request body: its name, its type and, for texts, the longest value taken. */
  record Field(String name, String type, int longest, boolean required) {
    static Field of(String spec) {
      String[] p = spec.replace("!", "").split(":");
      return new Field(p[0], p[1], p.length > 2 ? Integer.parseInt(p[2]) : 0, spec.endsWith("!"));
    }
  }

  /** One refused request and the field its answer must name. */
  record Hostile(String method, String path, String token, String body, String field) {}

  /** Wrong values of each type; every one must be refused naming the field. */
  static List<String> wrong(Field f) {
    List<String> values = new ArrayList<>();
    switch (f.type()) {
      case "long", "int" -> values.addAll(List.of("\"7\"", "1.5", "1e300", BIG, "true", "[7]"));
      case "text" -> values.addAll(List.of("42", "true", "[\"a\"]", "{}"));
      case "enum" -> values.addAll(List.of("\"no-such-value\"", "7", "[\"a\"]"));
      case "date" -> values.addAll(List.of("\"2024-02-31\"", "\"yesterday\"", "20240101"));
      case "flag" -> values.addAll(List.of("\"yes\"", "1"));
      case "roles" -> values.addAll(List.of("[null]", "[1,2]", "\"ADMIN\"", "[\"KING\"]"));
      default -> throw new IllegalArgumentException(f.type());
    }
    if (f.type().equals("int")) {
      values.add("3000000000");
    }
    if (f.longest() > 0) {
      values.add(Json.createValue("x".repeat(f.longest() + 1)).toString());
    }
    return values;
  }

  /**
   * The endpoint's hostile variants: bodies that are no object, and for each field, a wrong value,
   * and (when required) the field left out or null. Every variant changes one field of a valid
   * body.
   */
  static List<Hostile> variants(
      String method, String path, String token, String valid, String... specs) {
    JsonObject base = Json.createReader(new java.io.StringReader(valid)).readObject();
    List<Hostile> all = new ArrayList<>();
    for (String body : List.of("null", "[]", "\"x\"", "42")) {
      all.add(new Hostile(method, path, token, body, "body"));
    }
    java.util.Arrays.stream(specs)
        .map(Field::of)
        .filter(Field::required)
        .findFirst()
        .ifPresent(f -> all.add(new Hostile(method, path, token, "{}", f.name())));
    for (String spec : specs) {
      Field f = Field.of(spec);
      if (f.required()) {
        var without = Json.createObjectBuilder(base).remove(f.name()).build();
        all.add(new Hostile(method, path, token, without.toString(), f.name()));
        var nulled = Json.createObjectBuilder(base).add(f.name(), JsonValue.NULL).build();
        all.add(new Hostile(method, path, token, nulled.toString(), f.name()));
      }
      for (String value : wrong(f)) {
        String body =
            Json.createObjectBuilder(base)
                .add(f.name(), Json.createReader(new java.io.StringReader(value)).readValue())
                .build()
                .toString();
        all.add(new Hostile(method, path, token, body, f.name()));
      }
    }
    return all;
  }

  long auditHead() {
    Api.Reply r = api.get("api/audit?limit=1", auditor);
    assertEquals(200, r.status(), r.toString());
    return r.object().getJsonArray("items").getJsonObject(0).getJsonNumber("seq").longValue();
  }

  static void assertNames(Api.Reply r, String field, String request) {
    assertEquals(400, r.status(), request + " → " + r);
    assertTrue(r.isProblem(), request + " → " + r);
    List<String> named =
        r.object().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertTrue(
        named.stream()
            .anyMatch(
                n -> n.equals(field) || n.startsWith(field + "[") || n.startsWith(field + ".")),
        request + " names " + field + ": " + r);
  }

  void send(List<Hostile> requests) {
    for (Hostile h : requests) {
      Api.Reply r =
          h.method().equals("GET")
              ? api.get(h.path(), h.token())
              : api.send(h.method(), h.path(), h.token(), h.body());
      assertNames(r, h.field(), h.method() + " " + h.path() + " " + h.body());
    }
  }

  long id(Api.Reply r) {
    assertTrue(r.status() == 200 || r.status() == 201, r.toString());
    return r.object().getJsonNumber("id").longValue();
  }

  @Test
  void everyBodyOfTheDeskIsCheckedBeforeAnythingIsStored() {
    JsonObject c = desk.caseWorkedBy("factchecker");
    long caseId = c.getJsonNumber("id").longValue();
    long claimId = c.getJsonNumber("claimId").longValue();
    String evidence = "api/cases/" + caseId + "/evidence";
    String item =
        "{\"kind\":\"document\",\"stance\":\"refutes\",\"summary\":\"S\",\"url\":\"https://example.org/e\"}";
    long itemId = id(api.post(evidence, checker, item));
    String versioned = item.replace("{", "{\"version\":0,");
    long sourceId =
        id(
            api.post(
                "api/sources",
                checker,
                "{\"name\":\"Quelle " + UUID.randomUUID() + "\",\"kind\":\"agency\"}"));
    long claimantId =
        id(api.post("api/claimants", checker, "{\"name\":\"Sprecher " + UUID.randomUUID() + "\"}"));
    long articleId =
        api.get("api/claims/" + claimId, checker)
            .object()
            .getJsonArray("appearances")
            .getJsonObject(0)
            .getJsonNumber("articleId")
            .longValue();
    String source = "{\"version\":0,\"name\":\"Q\",\"kind\":\"agency\"}";
    String span = "{\"version\":0,\"articleId\":1,\"start\":0,\"end\":5}";
    String claim = "{\"articleId\":1,\"start\":0,\"end\":5,\"statement\":\"S\"}";
    String metadata = "{\"version\":0,\"title\":\"T\",\"language\":\"de\"}";
    String account =
        "{\"username\":\"nobody\",\"displayName\":\"N\",\"password\":\"a-long-password\","
            + "\"roles\":[\"AUDITOR\"]}";

    List<Hostile> all = new ArrayList<>();
    String[] itemFields = {
      "kind:enum!",
      "stance:enum!",
      "summary:text:2000!",
      "quote:text:4000",
      "sourceId:long",
      "url:text:2000",
      "accessedOn:date"
    };
    all.addAll(variants("POST", evidence, checker, item, itemFields));
    all.addAll(
        variants(
            "PUT",
            evidence + "/" + itemId,
            checker,
            versioned,
            concat(itemFields, "version:long!")));
    all.addAll(
        variants(
            "POST",
            evidence + "/" + itemId + "/position",
            checker,
            "{\"version\":0,\"position\":1}",
            "version:long!",
            "position:int!"));
    String[] sourceFields = {
      "name:text:300!",
      "kind:enum!",
      "url:text:2000",
      "reliability:enum",
      "reliabilityNote:text:2000",
      "confidential:flag"
    };
    all.addAll(variants("POST", "api/sources", checker, source, sourceFields));
    all.addAll(
        variants(
            "PUT",
            "api/sources/" + sourceId,
            checker,
            source,
            concat(sourceFields, "version:long!")));
    all.addAll(
        variants(
            "POST",
            "api/claims",
            checker,
            claim,
            "articleId:long!",
            "revision:int",
            "start:int!",
            "end:int!",
            "statement:text:1000!",
            "claimant:text:200",
            "claimedOn:date"));
    all.addAll(
        variants(
            "POST",
            "api/claims/" + claimId + "/appearances",
            checker,
            span,
            "version:long!",
            "articleId:long!",
            "revision:int",
            "start:int!",
            "end:int!"));
    all.addAll(
        variants(
            "PUT",
            "api/claims/" + claimId,
            checker,
            "{\"version\":0,\"statement\":\"S\"}",
            "version:long!",
            "statement:text:1000!",
            "claimant:text:200",
            "claimedOn:date"));
    String[] claimantFields = {"name:text:200!", "kind:enum", "description:text:1000"};
    all.addAll(variants("POST", "api/claimants", checker, "{\"name\":\"N\"}", claimantFields));
    all.addAll(
        variants(
            "PUT",
            "api/claimants/" + claimantId,
            checker,
            "{\"version\":0,\"name\":\"N\"}",
            concat(claimantFields, "version:long!")));
    all.addAll(
        variants(
            "POST",
            "api/articles",
            checker,
            "{\"text\":\"Ein Satz.\"}",
            "text:text",
            "title:text:500",
            "outlet:text:200",
            "author:text:200",
            "publishedOn:date",
            "language:text:8"));
    all.add(new Hostile("POST", "api/articles", checker, "{}", "text"));
    all.add(
        new Hostile(
            "POST", "api/articles", checker, "{\"text\":\"T\",\"url\":\"https://x.org\"}", "url"));
    all.addAll(
        variants(
            "PUT",
            "api/articles/" + articleId,
            checker,
            metadata,
            "version:long!",
            "title:text:500!",
            "outlet:text:200",
            "url:text:2000",
            "author:text:200",
            "publishedOn:date",
            "language:text:8!"));
    all.addAll(
        variants(
            "POST",
            "api/articles/" + articleId + "/revisions",
            checker,
            "{\"version\":0,\"text\":\"T\"}",
            "version:long!",
            "text:text!",
            "note:text:500"));
    all.addAll(
        variants(
            "POST",
            "api/articles/" + articleId + "/restorations",
            checker,
            "{\"version\":0,\"index\":0}",
            "version:long!",
            "index:int!"));
    // a token request may have no body at all ("null"): that is a valid request, not sent here
    variants("POST", "api/tokens", checker, "{}", "name:text:100", "validDays:int").stream()
        .filter(h -> !h.body().equals("null"))
        .forEach(all::add);
    all.add(new Hostile("POST", "api/tokens", checker, "{\"validDays\":0}", "validDays"));
    all.add(new Hostile("POST", "api/tokens", checker, "{\"validDays\":366}", "validDays"));
    all.addAll(
        variants(
            "POST",
            "api/accounts",
            admin,
            account,
            "username:text:64!",
            "displayName:text:200!",
            "password:text:1000!",
            "roles:roles!"));
    all.addAll(
        variants(
            "PUT",
            "api/accounts/factchecker2/roles",
            admin,
            "{\"roles\":[\"AUDITOR\"]}",
            "roles:roles!"));
    all.add(
        new Hostile("PUT", "api/accounts/factchecker2/roles", admin, "{\"roles\":[]}", "roles"));
    all.addAll(
        variants(
            "PUT",
            "api/accounts/factchecker2/password",
            admin,
            "{\"password\":\"a-long-password\"}",
            "password:text:1000!"));

    long before = auditHead();
    send(all);
    assertEquals(before, auditHead(), "nothing stored by " + all.size() + " hostile requests");
  }

  @Test
  void refusalsSpeakTheCallersLanguage() {
    String body = "{\"articleId\":1,\"start\":0,\"statement\":\" \"}";
    Api.Reply german =
        api.sendAs(
            "POST",
            "api/claims",
            checker,
            "application/json",
            body,
            "Accept-Language",
            "de-DE,de;q=0.9");
    Api.Reply english =
        api.sendAs(
            "POST", "api/claims", checker, "application/json", body, "Accept-Language", "en");
    Api.Reply unknown =
        api.sendAs(
            "POST", "api/claims", checker, "application/json", body, "Accept-Language", "fr");
    assertEquals(400, german.status(), german.toString());
    assertTrue(
        german.body().contains("{\"field\":\"statement\",\"message\":\"darf nicht leer sein\"}"),
        german.toString());
    assertTrue(
        german.body().contains("{\"field\":\"end\",\"message\":\"darf nicht null sein\"}"),
        german.toString());
    assertTrue(
        english.body().contains("{\"field\":\"statement\",\"message\":\"must not be blank\"}"),
        english.toString());
    assertEquals(english.body(), unknown.body(), "English unless the caller prefers German");
  }

  @Test
  void serviceRefusalsSpeakTheCallersLanguage() {
    Api.Reply german = api.get("api/cases/999999999", checker, "Accept-Language", "de-DE,de;q=0.9");
    Api.Reply english = api.get("api/cases/999999999", checker, "Accept-Language", "en");
    assertEquals(404, german.status(), german.toString());
    assertEquals("Es gibt keinen Fall 999999999.", german.object().getString("detail"));
    assertEquals("There is no case 999999999.", english.object().getString("detail"));

    Api.Reply field =
        api.get(
            "api/audit?from=2021-01-01T00:00:00Z&to=2020-01-01T00:00:00Z",
            auditor,
            "Accept-Language",
            "de");
    assertEquals(400, field.status(), field.toString());
    JsonObject error = field.object().getJsonArray("errors").getJsonObject(0);
    assertEquals("to", error.getString("field"));
    assertEquals(
        "to muss nach from liegen: Der Zeitraum endet nach seinem Beginn.",
        error.getString("message"));
    assertEquals(error.getString("message"), field.object().getString("detail"));

    // the authentication's 401, answered before JAX-RS runs
    Api.Reply unknownToken = api.get("api/cases", "no-such-token", "Accept-Language", "de");
    assertEquals(401, unknownToken.status(), unknownToken.toString());
    assertEquals(
        "Das API-Token ist unbekannt, abgelaufen oder widerrufen.",
        unknownToken.object().getString("detail"));
    assertEquals(
        "The API token is unknown, expired or revoked.",
        api.get("api/cases", "no-such-token").object().getString("detail"));

    // what the parameter parser says, too
    Api.Reply parsed = api.get("api/claims?limit=abc", checker, "Accept-Language", "de");
    assertEquals(400, parsed.status(), parsed.toString());
    assertEquals(
        "muss eine ganze Zahl sein, nicht „abc“",
        parsed.object().getJsonArray("errors").getJsonObject(0).getString("message"),
        parsed.toString());
    Api.Reply parsedEnglish = api.get("api/claims?limit=abc", checker);
    assertEquals(
        "must be a whole number, not 'abc'",
        parsedEnglish.object().getJsonArray("errors").getJsonObject(0).getString("message"),
        parsedEnglish.toString());
  }

  @Test
  void queryParametersAreTypedAndNamed() {
    JsonObject c = desk.caseWorkedBy("factchecker");
    long claimId = c.getJsonNumber("claimId").longValue();
    String q = "x".repeat(301);
    List<Hostile> all = new ArrayList<>();
    for (String list : List.of("api/claims", "api/articles")) {
      for (String value : List.of("abc", "1.5", BIG, "0", "201", "")) {
        all.add(new Hostile("GET", list + "?limit=" + value, checker, null, "limit"));
      }
      all.add(new Hostile("GET", list + "?offset=-1", checker, null, "offset"));
      all.add(new Hostile("GET", list + "?offset=x", checker, null, "offset"));
    }
    all.add(
        new Hostile("GET", "api/claims/" + claimId + "/similar?limit=x", checker, null, "limit"));
    all.add(
        new Hostile("GET", "api/claims/" + claimId + "/similar?limit=51", checker, null, "limit"));
    all.add(new Hostile("GET", "api/articles/1?revision=x", checker, null, "revision"));
    all.add(new Hostile("GET", "api/articles/1?revision=0", checker, null, "revision"));
    all.add(new Hostile("GET", "api/articles/1/suggestions?revision=x", checker, null, "revision"));
    all.add(new Hostile("GET", "api/sources?q=" + q, checker, null, "q"));
    for (String audit : List.of("api/audit?", "api/audit/verify?", "api/audit/export?")) {
      all.add(new Hostile("GET", audit + "case=abc", auditor, null, "case"));
      all.add(new Hostile("GET", audit + "case=0", auditor, null, "case"));
      all.add(new Hostile("GET", audit + "caseId=" + BIG, auditor, null, "caseId"));
      all.add(new Hostile("GET", audit + "case=1&caseId=2", auditor, null, "caseId"));
      all.add(new Hostile("GET", audit + "from=yesterday", auditor, null, "from"));
      all.add(new Hostile("GET", audit + "to=2026-02-31T00:00:00Z", auditor, null, "to"));
      all.add(new Hostile("GET", audit + "actor=" + "a".repeat(65), auditor, null, "actor"));
    }
    all.add(new Hostile("GET", "api/audit?limit=abc", auditor, null, "limit"));
    all.add(new Hostile("GET", "api/audit?limit=501", auditor, null, "limit"));
    all.add(new Hostile("GET", "api/audit?before=x", auditor, null, "before"));
    all.add(new Hostile("GET", "api/audit/export?format=xml", auditor, null, "format"));

    long before = auditHead();
    send(all);
    assertEquals(before, auditHead(), "nothing stored");
  }

  @Test
  void uploadsNameTheirFieldsAndABatchMustBeAZipArchive() {
    long caseId = desk.caseWorkedBy("factchecker").getJsonNumber("id").longValue();
    long itemId =
        id(
            api.post(
                "api/cases/" + caseId + "/evidence",
                checker,
                "{\"kind\":\"document\",\"stance\":\"context\",\"summary\":\"S\","
                    + "\"url\":\"https://example.org/u\"}"));
    byte[] text = ("Ein Artikel " + UUID.randomUUID() + ".").getBytes(StandardCharsets.UTF_8);
    long before = auditHead();

    assertNames(
        api.upload(
            "api/articles", checker, "a.txt", "text/plain", text, "publishedOn", "2024-02-31"),
        "publishedOn",
        "multipart publishedOn=2024-02-31");
    assertNames(
        api.upload("api/articles", checker, "a.txt", "text/plain", text, "title", "t".repeat(501)),
        "title",
        "multipart title too long");
    assertNames(
        postForm("api/articles", "title", "Kein Artikel"), "file", "multipart without a file");
    assertNames(
        postForm("api/cases/" + caseId + "/evidence/" + itemId + "/attachments", "note", "x"),
        "file",
        "attachment without a file");

    Api.Reply notZip =
        api.postBytes(
            "api/articles/batch",
            checker,
            "application/zip",
            "Das ist kein ZIP-Archiv.".getBytes(StandardCharsets.UTF_8));
    assertTrue(
        notZip.status() == 400 || notZip.status() == 415 || notZip.status() == 422,
        notZip.toString());
    assertTrue(notZip.isProblem(), notZip.toString());
    assertEquals(before, auditHead(), "nothing stored");
  }

  /** A multipart form of text fields only (name, value pairs). */
  Api.Reply postForm(String path, String... fields) {
    String boundary = "claimdesk-" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fields[i]
                  + "\"\r\n\r\n"
                  + fields[i + 1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.postBytes(
        path, checker, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  static String[] concat(String[] fields, String more) {
    String[] all = java.util.Arrays.copyOf(fields, fields.length + 1);
    all[fields.length] = more;
    return all;
  }
}
