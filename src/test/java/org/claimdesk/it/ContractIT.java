package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Desk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract test generated from the published OpenAPI document: for every operation in {@code
 * /openapi}, hostile variants of its request body, query and path parameters, derived from the
 * document's schemas, are sent by a caller holding every role. Each must be answered below 500,
 * every 4xx as problem+json, every 400/422 naming the offending field, with a status the operation
 * declares; and the audit chain head must not move (nothing stored). The generator reads only the
 * document, so it grows stricter as the document does (required properties, maxLength, integer
 * formats, declared responses, query parameters).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractIT {
  static final String BIG = "18446744073709551623"; // 2^64 + 7
  static final String PASSWORD = "a-long-enough-password";
  static final String ANONYMOUS = "anonymous";

  @ArquillianResource URL deployment;
  Api api;
  String caller;
  JsonObject document;
  Map<String, String> pathValues = new TreeMap<>();
  final List<String> failures = new ArrayList<>();
  final Map<String, Integer> requestsByKind = new TreeMap<>();
  final Set<String> covered = new LinkedHashSet<>();
  final List<String> notExercised = new ArrayList<>();
  final List<String> testOnly = new ArrayList<>();
  int requests;

  /**
   * One hostile request: what it varies, and the fields one of which a 400 or 422 must name (empty:
   * any field, but some; null: none asked, for a request without credentials).
   */
  record Variant(
      String kind,
      String label,
      String method,
      String path,
      String contentType,
      String body,
      Set<String> fields) {}

  @Test
  void everyOperationOfTheDocumentRefusesHostileInputAndStoresNothing() {
    api = Api.at(deployment);
    Api.Reply doc =
        Api.at(api.base().resolve("/")).get("openapi", null, "Accept", "application/json");
    assertEquals(200, doc.status(), doc.toString());
    document = doc.object();
    // the document's paths are relative to its server, the application's root
    for (JsonObject server :
        document
            .getOrDefault("servers", JsonValue.EMPTY_JSON_ARRAY)
            .asJsonArray()
            .getValuesAs(JsonObject.class)) {
      String root = URI.create(server.getString("url")).getPath();
      assertEquals(api.base().getPath(), root.endsWith("/") ? root : root + "/", server.toString());
    }
    caller = callerWithEveryRole();
    freshMaterial();

    long started = System.nanoTime();
    String head = auditHead();
    int operations = 0;
    for (var path : document.getJsonObject("paths").entrySet()) {
      for (var op : path.getValue().asJsonObject().entrySet()) {
        if (!Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          continue;
        }
        operations++;
        if (path.getKey().startsWith("/api/test/")) {
          // resources of the test deployment only (testing/StoredBefore, …): not the shipped API
          testOnly.add(op.getKey().toUpperCase() + " " + path.getKey());
          continue;
        }
        sweep(op.getKey(), path.getKey(), op.getValue().asJsonObject());
      }
    }
    String after = auditHead();
    assertTrue(covered.size() > 0, "no operation of the document was swept: " + document);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "ContractIT: %d operations in the document, %d covered by hostile variants, %d requests"
            + " %s in %.1f s; no input to vary (%d): %s; test deployment only: %s%n",
        operations,
        covered.size(),
        requests,
        requestsByKind,
        seconds,
        notExercised.size(),
        notExercised,
        testOnly);
    assertEquals(
        head,
        after,
        () ->
            "the audit chain head moved during the sweep: something was stored: "
                + api.get("api/audit?limit=5", caller).body());
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + requests
            + " hostile requests answered wrongly:\n"
            + String.join("\n", failures));
  }

  @Test
  void aDefaultResponseCoversEveryStatusUntilTheOperationDeclaresItsOwn() {
    JsonObject byDefault = operation("{\"default\":{}}");
    JsonObject declared = operation("{\"200\":{},\"400\":{},\"404\":{}}");
    JsonObject byRange = operation("{\"200\":{},\"4XX\":{}}");
    assertTrue(declared(byDefault, 415));
    assertTrue(declared(declared, 400));
    assertTrue(!declared(declared, 415), "415 is not among 200, 400, 404");
    assertTrue(declared(byRange, 415));
    assertTrue(!declared(byRange, 500));
  }

  static JsonObject operation(String responses) {
    return Json.createObjectBuilder()
        .add("responses", Json.createReader(new StringReader(responses)).readObject())
        .build();
  }

  // ---- the caller and the material the paths point to ----

  /** A fresh account holding every role, so that no role check hides the validation. */
  String callerWithEveryRole() {
    String admin = api.sharedToken("admin");
    String username = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply created =
        api.post(
            "api/accounts",
            admin,
            Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Contract Test")
                .add("password", PASSWORD)
                .add(
                    "roles",
                    Json.createArrayBuilder()
                        .add("FACT_CHECKER")
                        .add("SUPERVISOR")
                        .add("AUDITOR")
                        .add("ADMIN"))
                .build()
                .toString());
    assertEquals(201, created.status(), created.toString());
    Api.Reply token = api.postWithBasic("api/tokens", username, PASSWORD, "{}");
    assertEquals(201, token.status(), token.toString());
    pathValues.put("username", username);
    return token.object().getString("token");
  }

  /** A case with evidence, its claim and article, a source and a claimant, all new. */
  void freshMaterial() {
    Desk desk = new Desk(api, api::sharedToken);
    String checker = api.sharedToken("factchecker");
    JsonObject c = desk.caseWorkedBy("factchecker");
    long caseId = c.getJsonNumber("id").longValue();
    long claimId = c.getJsonNumber("claimId").longValue();
    Api.Reply item =
        api.post(
            "api/cases/" + caseId + "/evidence",
            checker,
            "{\"kind\":\"document\",\"stance\":\"refutes\",\"summary\":\"S\","
                + "\"url\":\"https://example.org/contract\"}");
    assertEquals(201, item.status(), item.toString());
    Api.Reply source =
        api.post(
            "api/sources",
            checker,
            "{\"name\":\"Quelle " + UUID.randomUUID() + "\",\"kind\":\"agency\"}");
    assertEquals(201, source.status(), source.toString());
    Api.Reply claimant =
        api.post("api/claimants", checker, "{\"name\":\"Sprecher " + UUID.randomUUID() + "\"}");
    assertEquals(201, claimant.status(), claimant.toString());
    long articleId =
        api.get("api/claims/" + claimId, checker)
            .object()
            .getJsonArray("appearances")
            .getJsonObject(0)
            .getJsonNumber("articleId")
            .longValue();
    pathValues.put("cases", String.valueOf(caseId));
    pathValues.put("caseId", String.valueOf(caseId));
    pathValues.put("claims", String.valueOf(claimId));
    pathValues.put("evidence", String.valueOf(item.object().getJsonNumber("id").longValue()));
    pathValues.put("sources", String.valueOf(source.object().getJsonNumber("id").longValue()));
    pathValues.put("claimants", String.valueOf(claimant.object().getJsonNumber("id").longValue()));
    pathValues.put("articles", String.valueOf(articleId));
  }

  /**
   * A path parameter's value: the fresh object named by the segment before it ({@code
   * /api/cases/{id}} is the fresh case), or by its own name; else 1 or a name nobody has.
   */
  String value(String template, String name, JsonObject parameter) {
    if (pathValues.containsKey(name)) {
      return pathValues.get(name);
    }
    String before = template.substring(0, template.indexOf("{" + name + "}"));
    String[] segments = before.split("/");
    String segment = segments.length == 0 ? "" : segments[segments.length - 1];
    if (pathValues.containsKey(segment)) {
      return pathValues.get(segment);
    }
    return numeric(schema(parameter)) ? "1" : "no-such-" + name;
  }

  String fill(String template, Map<String, String> values) {
    String path = template;
    for (var e : values.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue());
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  // ---- the variants of one operation ----

  void sweep(String method, String template, JsonObject op) {
    String name = method.toUpperCase() + " " + template;
    List<JsonObject> parameters = parameters(template, op);
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonObject p : parameters) {
      if (p.getString("in", "").equals("path")) {
        values.put(p.getString("name"), value(template, p.getString("name"), p));
      }
    }
    List<Variant> variants = new ArrayList<>();
    // path parameters that are numbers: words and numbers beyond 64 bits
    for (JsonObject p : parameters) {
      if (p.getString("in", "").equals("path") && numeric(schema(p))) {
        for (String bad : List.of("abc", BIG)) {
          Map<String, String> hostile = new LinkedHashMap<>(values);
          hostile.put(p.getString("name"), bad);
          variants.add(
              new Variant(
                  "path",
                  p.getString("name") + "=" + bad,
                  method,
                  fill(template, hostile),
                  null,
                  null,
                  Set.of(p.getString("name"))));
        }
      }
    }
    String path = fill(template, values);
    // query parameters: a wrong value of each one's type
    for (JsonObject p : parameters) {
      if (!p.getString("in", "").equals("query")) {
        continue;
      }
      for (String bad : badQueryValues(schema(p))) {
        String url =
            path + "?" + p.getString("name") + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8);
        String body = op.containsKey("requestBody") ? "{}" : null;
        variants.add(
            new Variant(
                "query",
                p.getString("name") + "=" + abbreviated(bad),
                method,
                url,
                body == null ? null : "application/json",
                body,
                Set.of(p.getString("name"))));
      }
    }
    if (op.containsKey("requestBody")) {
      variants.addAll(bodyVariants(method, path, op));
    }
    if (variants.isEmpty()) {
      notExercised.add(name);
    } else {
      covered.add(name);
    }
    // and every operation once without credentials: 401, unless the document calls it public
    String body = op.containsKey("requestBody") ? "{}" : null;
    variants.add(
        new Variant(
            ANONYMOUS,
            isPublic(op) ? "public" : "no credentials",
            method,
            path,
            body == null ? null : "application/json",
            body,
            null));
    for (Variant v : variants) {
      check(op, v);
    }
  }

  List<JsonObject> parameters(String template, JsonObject op) {
    List<JsonObject> all = new ArrayList<>();
    JsonObject pathItem = document.getJsonObject("paths").getJsonObject(template);
    for (JsonObject holder : List.of(pathItem, op)) {
      if (holder.containsKey("parameters")) {
        holder.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
            .map(this::resolve)
            .forEach(all::add);
      }
    }
    return all;
  }

  List<Variant> bodyVariants(String method, String path, JsonObject op) {
    JsonObject requestBody = resolve(op.getJsonObject("requestBody"));
    JsonObject content = requestBody.getJsonObject("content");
    List<Variant> variants = new ArrayList<>();
    if (content == null || content.isEmpty()) {
      return variants;
    }
    String json =
        content.keySet().stream().filter(t -> t.contains("json")).findFirst().orElse(null);
    if (json != null) {
      JsonObject schema = resolve(content.getJsonObject(json).getJsonObject("schema"));
      variants.addAll(jsonVariants(method, path, op, requestBody, json, schema));
      for (String wrong : List.of("text/plain", "application/xml")) {
        if (!content.containsKey(wrong)) {
          variants.add(
              new Variant(
                  "content-type",
                  wrong,
                  method,
                  path,
                  wrong,
                  example(schema).toString(),
                  Set.of()));
        }
      }
      return variants;
    }
    String multipart =
        content.keySet().stream().filter(t -> t.startsWith("multipart/")).findFirst().orElse(null);
    if (multipart != null) {
      JsonObject schema = resolve(content.getJsonObject(multipart).getJsonObject("schema"));
      variants.addAll(multipartVariants(method, path, schema));
    }
    // any other body (an archive, bytes): something that is not one
    String other = content.keySet().iterator().next();
    if (multipart == null) {
      variants.add(
          new Variant(
              "body",
              "not " + other,
              method,
              path,
              other,
              "Das ist kein " + other + ".",
              Set.of()));
    }
    variants.add(
        new Variant(
            "content-type", "application/json", method, path, "application/json", "{}", Set.of()));
    return variants;
  }

  List<Variant> jsonVariants(
      String method,
      String path,
      JsonObject op,
      JsonObject requestBody,
      String type,
      JsonObject schema) {
    List<Variant> variants = new ArrayList<>();
    Set<String> wholeBody = new LinkedHashSet<>(Set.of("body"));
    JsonObject properties = schema.getJsonObject("properties");
    if (properties != null) {
      wholeBody.addAll(properties.keySet());
    }
    boolean bodyRequired = requestBody.getBoolean("required", false);
    Map<String, String> bodies = new LinkedHashMap<>();
    if (bodyRequired) {
      bodies.put("null", "null");
    }
    bodies.put("[]", "[]");
    bodies.put("\"x\"", "\"x\"");
    bodies.put("42", "42");
    bodies.put("{ (unreadable)", "{");
    bodies.put("5,000 deep", "[".repeat(5000) + "]".repeat(5000));
    bodies.put("huge string", "\"" + "x".repeat(1_100_000) + "\"");
    if (properties != null && !properties.isEmpty()) {
      String first = properties.keySet().iterator().next();
      bodies.put(
          first + " 5,000 deep", "{\"" + first + "\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
    }
    for (var b : bodies.entrySet()) {
      variants.add(new Variant("body", b.getKey(), method, path, type, b.getValue(), wholeBody));
    }
    if (properties == null) {
      return variants;
    }
    JsonObject base = example(schema);
    Set<String> required = required(schema);
    for (var property : properties.entrySet()) {
      String name = property.getKey();
      JsonObject propertySchema = resolve(property.getValue().asJsonObject());
      List<JsonValue> bad = new ArrayList<>(badValues(propertySchema));
      if (required.contains(name)) {
        bad.add(JsonValue.NULL);
        String without = Json.createObjectBuilder(base).remove(name).build().toString();
        variants.add(
            new Variant("property", name + " missing", method, path, type, without, Set.of(name)));
      }
      for (JsonValue value : bad) {
        String body = Json.createObjectBuilder(base).add(name, value).build().toString();
        variants.add(
            new Variant(
                "property",
                name + "=" + abbreviated(value.toString()),
                method,
                path,
                type,
                body,
                Set.of(name)));
      }
    }
    return variants;
  }

  /** The fields of a multipart form, each with a wrong value, beside a small text file. */
  List<Variant> multipartVariants(String method, String path, JsonObject schema) {
    List<Variant> variants = new ArrayList<>();
    JsonObject properties = schema.getJsonObject("properties");
    // a form of no parts at all is no readable multipart body; one of an unknown text field only
    // lacks whatever the operation needs
    variants.add(multipart(method, path, "no parts", Map.of(), Set.of("body")));
    if (properties == null) {
      variants.add(multipart(method, path, "no file", Map.of("note", "x"), Set.of()));
      return variants;
    }
    List<String> files =
        properties.entrySet().stream()
            .filter(
                e -> resolve(e.getValue().asJsonObject()).getString("format", "").equals("binary"))
            .map(Map.Entry::getKey)
            .toList();
    Set<String> required = required(schema);
    for (var property : properties.entrySet()) {
      String name = property.getKey();
      if (files.contains(name)) {
        continue;
      }
      for (String bad : badQueryValues(resolve(property.getValue().asJsonObject()))) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(name, bad);
        files.forEach(f -> parts.put(f + "\0file", "Ein Satz von " + UUID.randomUUID() + "."));
        variants.add(multipart(method, path, name + "=" + abbreviated(bad), parts, Set.of(name)));
      }
    }
    for (String file : files) {
      if (required.contains(file) || required.isEmpty()) {
        // a readable form (one text part) without the file
        variants.add(multipart(method, path, file + " missing", Map.of("note", "x"), Set.of(file)));
      }
    }
    return variants;
  }

  /** A multipart body; a part named {@code name\0file} is sent as a text file {@code name}. */
  static Variant multipart(
      String method, String path, String label, Map<String, String> parts, Set<String> fields) {
    String boundary = "contract-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    for (var p : parts.entrySet()) {
      body.append("--").append(boundary).append("\r\n");
      if (p.getKey().endsWith("\0file")) {
        String name = p.getKey().substring(0, p.getKey().length() - 5);
        body.append("Content-Disposition: form-data; name=\"")
            .append(name)
            .append("\"; filename=\"a.txt\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
      } else {
        body.append("Content-Disposition: form-data; name=\"")
            .append(p.getKey())
            .append("\"\r\n\r\n");
      }
      body.append(p.getValue()).append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return new Variant(
        "multipart",
        label,
        method,
        path,
        "multipart/form-data; boundary=" + boundary,
        body.toString(),
        fields);
  }

  // ---- values by schema ----

  /** Wrong JSON values for a property of this schema. */
  List<JsonValue> badValues(JsonObject schema) {
    List<String> values = new ArrayList<>();
    String type = type(schema);
    if (schema.containsKey("enum")) {
      values.addAll(List.of("\"no-such-value\"", "7", "[\"a\"]"));
    } else if (numeric(schema)) {
      values.addAll(List.of("\"7\"", "true", "[7]"));
      if (!Set.of("float", "double").contains(schema.getString("format", ""))) {
        values.addAll(List.of("1.5", "1e300", BIG));
      }
      if (schema.getString("format", "").equals("int32")) {
        values.add("3000000000");
      }
      values.addAll(beyondBounds(schema));
    } else if (type.equals("string")) {
      values.addAll(List.of("42", "true", "[]", "{}"));
      String format = schema.getString("format", "");
      if (format.equals("date")) {
        values.addAll(List.of("\"2024-02-31\"", "\"yesterday\""));
      } else if (format.equals("date-time")) {
        values.add("\"2024-02-31T00:00:00Z\"");
      }
      if (schema.containsKey("maxLength")) {
        values.add(Json.createValue("x".repeat(schema.getInt("maxLength") + 1)).toString());
      }
      String mismatch = mismatching(schema);
      if (mismatch != null) {
        values.add(Json.createValue(mismatch).toString());
      }
    } else if (type.equals("boolean")) {
      values.addAll(List.of("\"yes\"", "1"));
    } else if (type.equals("array")) {
      values.addAll(List.of("\"x\"", "[null]", "{}"));
      JsonObject items =
          schema.containsKey("items") ? resolve(schema.getJsonObject("items")) : null;
      if (items != null && (type(items).equals("string") || items.containsKey("enum"))) {
        values.add("[1]");
        if (items.containsKey("enum")) {
          values.add("[\"no-such-value\"]");
        }
      }
    } else if (type.equals("object")) {
      // also a date that does not exist: the document still calls dates "object"
      values.addAll(List.of("42", "\"x\"", "[]", "\"2024-02-31\""));
    }
    return values.stream().map(v -> Json.createReader(new StringReader(v)).readValue()).toList();
  }

  /** Wrong values of a query parameter or form field of this schema (none for a free text). */
  List<String> badQueryValues(JsonObject schema) {
    if (schema.containsKey("enum")) {
      return List.of("no-such");
    }
    String format = schema.getString("format", "");
    if (numeric(schema)) {
      List<String> values =
          new ArrayList<>(
              Set.of("float", "double").contains(format)
                  ? List.of("abc")
                  : List.of("abc", "1.5", "99999999999999999999"));
      values.addAll(beyondBounds(schema));
      return values;
    }
    String type = type(schema);
    if (type.equals("array") && schema.containsKey("items")) {
      return badQueryValues(resolve(schema.getJsonObject("items")));
    }
    if (type.equals("boolean")) {
      return List.of("maybe");
    }
    if (type.equals("string") && format.equals("date")) {
      return List.of("2024-02-31");
    }
    if (type.equals("string") && format.equals("date-time")) {
      return List.of("yesterday");
    }
    List<String> values = new ArrayList<>();
    if (type.equals("string") && schema.containsKey("maxLength")) {
      values.add("x".repeat(schema.getInt("maxLength") + 1));
    }
    String mismatch = mismatching(schema);
    if (type.equals("string") && mismatch != null) {
      values.add(mismatch);
    }
    return values;
  }

  /** The numbers just outside a declared minimum and maximum. */
  static List<String> beyondBounds(JsonObject schema) {
    List<String> values = new ArrayList<>();
    if (schema.get("minimum") instanceof JsonNumber min) {
      values.add(min.bigDecimalValue().subtract(BigDecimal.ONE).toPlainString());
    }
    if (schema.get("maximum") instanceof JsonNumber max) {
      values.add(max.bigDecimalValue().add(BigDecimal.ONE).toPlainString());
    }
    return values;
  }

  /** A text that does not match the schema's pattern, if it declares one (null otherwise). */
  static String mismatching(JsonObject schema) {
    if (!schema.containsKey("pattern")) {
      return null;
    }
    Pattern pattern = Pattern.compile(schema.getString("pattern"));
    for (String candidate : List.of("§no such§", "x", "")) {
      if (!pattern.matcher(candidate).find()) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * A body of the schema's required properties (example, default or a plausible value each), so
   * that each variant changes exactly one property of an otherwise acceptable body.
   */
  JsonObject example(JsonObject schema) {
    var body = Json.createObjectBuilder();
    JsonObject properties = schema.getJsonObject("properties");
    if (properties == null) {
      return body.build();
    }
    for (String name : required(schema)) {
      if (properties.containsKey(name)) {
        body.add(name, plausible(resolve(properties.getJsonObject(name))));
      }
    }
    return body.build();
  }

  JsonValue plausible(JsonObject schema) {
    for (String given : List.of("example", "default")) {
      if (schema.containsKey(given)) {
        return schema.get(given);
      }
    }
    if (schema.containsKey("enum")) {
      return schema.getJsonArray("enum").get(0);
    }
    if (numeric(schema)) {
      return Json.createValue(schema.containsKey("minimum") ? schema.getInt("minimum") : 1);
    }
    return switch (type(schema)) {
      case "boolean" -> JsonValue.FALSE;
      case "array" ->
          schema.containsKey("items")
              ? Json.createArrayBuilder()
                  .add(plausible(resolve(schema.getJsonObject("items"))))
                  .build()
              : JsonValue.EMPTY_JSON_ARRAY;
      case "string" ->
          Json.createValue(
              switch (schema.getString("format", "")) {
                case "date" -> "2024-06-20";
                case "date-time" -> "2024-06-20T08:00:00Z";
                case "uri", "url" -> "https://example.org/contract";
                default -> "Contract";
              });
      default -> example(schema);
    };
  }

  static boolean numeric(JsonObject schema) {
    String type = type(schema);
    return type.equals("integer") || type.equals("number");
  }

  /**
   * The schema's type; of a 3.1 type list the one that is not "null"; "object" if it has fields.
   */
  static String type(JsonObject schema) {
    JsonValue type = schema.get("type");
    if (type instanceof JsonString s) {
      return s.getString();
    }
    if (type instanceof JsonArray list) {
      return list.getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .filter(t -> !t.equals("null"))
          .findFirst()
          .orElse("");
    }
    return schema.containsKey("properties") ? "object" : "";
  }

  static Set<String> required(JsonObject schema) {
    JsonArray required = schema.getJsonArray("required");
    Set<String> names = new LinkedHashSet<>();
    if (required != null) {
      required.getValuesAs(JsonString.class).forEach(s -> names.add(s.getString()));
    }
    return names;
  }

  JsonObject schema(JsonObject parameter) {
    return parameter.containsKey("schema")
        ? resolve(parameter.getJsonObject("schema"))
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  /** The object a {@code $ref} points to ({@code #/components/schemas/X}), followed to the end. */
  JsonObject resolve(JsonObject object) {
    JsonObject current = object;
    for (int depth = 0; current != null && current.containsKey("$ref") && depth < 10; depth++) {
      JsonValue target = document;
      for (String part : current.getString("$ref").substring(2).split("/")) {
        target = target.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target.asJsonObject();
    }
    if (current != null && current.containsKey("allOf") && current.size() == 1) {
      return resolve(current.getJsonArray("allOf").getJsonObject(0));
    }
    return current == null ? JsonValue.EMPTY_JSON_OBJECT : current;
  }

  // ---- sending and judging ----

  void check(JsonObject op, Variant v) {
    String token = v.kind().equals(ANONYMOUS) ? null : caller;
    Api.Reply r =
        v.body() == null
            ? v.method().equals("get")
                ? api.get(v.path(), token)
                : api.sendAs(v.method().toUpperCase(), v.path(), token, "application/json", "")
            : api.sendAs(v.method().toUpperCase(), v.path(), token, v.contentType(), v.body());
    requests++;
    requestsByKind.merge(v.kind(), 1, Integer::sum);
    String wrong = judge(op, v, r);
    if (wrong != null) {
      failures.add(
          v.method().toUpperCase()
              + " /"
              + v.path()
              + " ["
              + v.kind()
              + ": "
              + v.label()
              + "] → "
              + r.status()
              + " "
              + r.contentType()
              + " "
              + abbreviated(r.body())
              + " ("
              + wrong
              + ")");
    }
  }

  /** What is wrong with the answer to a hostile variant; null when it is right. */
  String judge(JsonObject op, Variant v, Api.Reply r) {
    if (r.status() >= 500) {
      return "a server error";
    }
    if (v.kind().equals(ANONYMOUS)) {
      if (isPublic(op)) {
        return r.status() < 400 || r.isProblem() ? null : "a 4xx that is no problem+json";
      }
      if (r.status() != 401) {
        return "the document asks for credentials, but the answer without them is no 401";
      }
    }
    if (r.status() < 400) {
      return "accepted";
    }
    if (!r.isProblem()) {
      return "a 4xx that is no problem+json";
    }
    if (!declared(op, r.status())) {
      return r.status() + " is not among the declared responses " + responses(op).keySet();
    }
    if ((r.status() == 400 || r.status() == 422) && v.fields() != null) {
      List<String> named = named(r);
      boolean names =
          v.fields().isEmpty() && !named.isEmpty()
              || named.stream()
                  .anyMatch(
                      n ->
                          v.fields().stream()
                              .anyMatch(
                                  f ->
                                      n.equals(f)
                                          || n.startsWith(f + "[")
                                          || n.startsWith(f + ".")));
      if (!names) {
        return "errors name "
            + named
            + ", not "
            + (v.fields().isEmpty() ? "any field" : "one of " + v.fields());
      }
    }
    return null;
  }

  /**
   * Whether the document lets anybody call the operation: no security requirement at all, an empty
   * one, or one naming no declared scheme (such as {@code none}).
   */
  boolean isPublic(JsonObject op) {
    JsonValue security = op.containsKey("security") ? op.get("security") : document.get("security");
    if (security == null || security.asJsonArray().isEmpty()) {
      return true;
    }
    JsonObject schemes =
        document
            .getJsonObject("components")
            .getOrDefault("securitySchemes", JsonValue.EMPTY_JSON_OBJECT)
            .asJsonObject();
    return security.asJsonArray().getValuesAs(JsonObject.class).stream()
        .anyMatch(requirement -> requirement.keySet().stream().noneMatch(schemes::containsKey));
  }

  static List<String> named(Api.Reply r) {
    try {
      JsonArray errors = r.object().getJsonArray("errors");
      return errors == null
          ? List.of()
          : errors.getValuesAs(JsonObject.class).stream()
              .map(e -> e.getString("field", ""))
              .toList();
    } catch (RuntimeException unreadable) {
      return List.of();
    }
  }

  static JsonObject responses(JsonObject op) {
    return op.containsKey("responses")
        ? op.getJsonObject("responses")
        : JsonValue.EMPTY_JSON_OBJECT;
  }

  /**
   * Whether the operation declares the status: exactly, by its range ({@code 4XX}), or by a {@code
   * default} response (which covers every status until the document declares real ones).
   */
  static boolean declared(JsonObject op, int status) {
    JsonObject responses = responses(op);
    return responses.containsKey("default")
        || responses.containsKey(String.valueOf(status))
        || responses.containsKey(status / 100 + "XX")
        || responses.containsKey(status / 100 + "xx");
  }

  String auditHead() {
    Api.Reply r = api.get("api/audit?limit=1", caller);
    assertEquals(200, r.status(), r.toString());
    JsonObject newest = r.object().getJsonArray("items").getJsonObject(0);
    return newest.getJsonNumber("seq") + " " + newest.get("hash");
  }

  static String abbreviated(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 120) + "… (" + flat.length() + " chars)";
  }
}
