package org.claimdesk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimdesk.testing.Api;
import org.claimdesk.testing.Schemas;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document is one a client can be generated from: every operation has a unique id, a
 * feature tag, typed parameters, a required and typed body, a success answer and every problem
 * answer its shape allows, and the workflow examples fit their schemas. (That answers fit their
 * schemas is checked on every JSON answer any test receives, see testing.DeclaredAnswers.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiDocumentIT {
  @ArquillianResource URL deployment;
  JsonObject document;

  @BeforeEach
  void read() {
    Api app = Api.at(deployment);
    Api.Reply reply =
        Api.at(app.base().resolve("/")).get("openapi", null, "Accept", "application/json");
    if (reply.status() != 200) {
      // the suite deploys under a context root
      reply = app.get("../openapi", null, "Accept", "application/json");
    }
    assertEquals(200, reply.status(), reply.toString());
    document = reply.object();
  }

  @Test
  void everyOperationIsDescribedWellEnoughToGenerateAClient() {
    List<String> findings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> tags = new HashSet<>();
    document.getJsonArray("tags").forEach(t -> tags.add(t.asJsonObject().getString("name")));
    assertTrue(
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .containsKey("bearer"));
    int operations = 0;
    for (var path : document.getJsonObject("paths").entrySet()) {
      if (path.getKey().startsWith("/api/test/")) {
        continue; // the test deployment's own helpers
      }
      for (var entry : path.getValue().asJsonObject().entrySet()) {
        operations++;
        String op = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonObject operation = entry.getValue().asJsonObject();
        String id = operation.getString("operationId", "");
        if (id.isEmpty() || !ids.add(id)) {
          findings.add(op + ": operationId missing or repeated: '" + id + "'");
        }
        if (!operation.containsKey("summary")) {
          findings.add(op + ": no summary");
        }
        var opTags = operation.getJsonArray("tags");
        if (opTags == null || opTags.isEmpty() || !tags.contains(opTags.getString(0))) {
          findings.add(op + ": no declared tag");
        }
        JsonObject responses = operation.getJsonObject("responses");
        if (responses.containsKey("default")) {
          findings.add(op + ": a 'default' answer instead of real ones");
        }
        if (responses.keySet().stream().noneMatch(k -> k.startsWith("2"))) {
          findings.add(op + ": no success answer");
        }
        for (var response : responses.entrySet()) {
          if (response.getKey().startsWith("4")) {
            JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
            if (content == null
                || !content
                    .getJsonObject("application/problem+json")
                    .getJsonObject("schema")
                    .getString("$ref", "")
                    .endsWith("/Problem")) {
              findings.add(op + ": " + response.getKey() + " is not a Problem");
            }
          }
        }
        boolean open =
            operation.containsKey("security")
                && operation.getJsonArray("security").stream()
                    .anyMatch(s -> s.asJsonObject().isEmpty());
        if (!open && !(responses.containsKey("401") && responses.containsKey("403"))) {
          findings.add(op + ": signed-in operation without 401 and 403");
        }
        boolean pathParameters = false;
        for (JsonValue p :
            operation.getOrDefault("parameters", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
          JsonObject parameter = p.asJsonObject();
          String type = parameter.getJsonObject("schema").getString("type", "");
          if (!Set.of("string", "integer", "boolean", "array").contains(type)) {
            findings.add(
                op + ": parameter " + parameter.getString("name") + " typed '" + type + "'");
          }
          pathParameters |= "path".equals(parameter.getString("in"));
        }
        if (pathParameters && !responses.containsKey("404")) {
          findings.add(op + ": an id in the path but no 404");
        }
        if (operation.containsKey("requestBody")) {
          JsonObject body = operation.getJsonObject("requestBody");
          if (!responses.containsKey("400") || !responses.containsKey("415")) {
            findings.add(op + ": a body but no 400 or 415");
          }
          JsonObject json = body.getJsonObject("content").getJsonObject("application/json");
          if (json != null
              && !json.getJsonObject("schema").containsKey("$ref")
              && !"string".equals(json.getJsonObject("schema").getString("type", ""))) {
            findings.add(op + ": a JSON body that is no named schema");
          }
        }
      }
    }
    for (var schema : document.getJsonObject("components").getJsonObject("schemas").entrySet()) {
      if (untypedNumber(schema.getValue())) {
        findings.add("schema " + schema.getKey() + ": a 'number' that is no float or double");
      }
    }
    assertTrue(operations >= 78, "operations: " + operations);
    assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
  }

  @Test
  void theWorkflowExamplesFitTheirSchemas() {
    Schemas schemas = new Schemas(document);
    List<String> findings = new ArrayList<>();
    int examples = 0;
    for (var path : document.getJsonObject("paths").entrySet()) {
      for (var entry : path.getValue().asJsonObject().entrySet()) {
        JsonObject body = entry.getValue().asJsonObject().getJsonObject("requestBody");
        JsonObject json =
            body == null ? null : body.getJsonObject("content").getJsonObject("application/json");
        if (json != null && json.containsKey("example")) {
          examples++;
          for (String finding : schemas.check(json.get("example"), json.getJsonObject("schema"))) {
            findings.add(entry.getKey() + " " + path.getKey() + ": " + finding);
          }
        }
      }
    }
    assertTrue(examples >= 10, "examples: " + examples);
    assertTrue(findings.isEmpty(), String.join("\n", findings));
  }

  @Test
  void publicOperationsAreTheOnesThatAnswerWithoutCredentials() {
    Api app = Api.at(deployment);
    for (var path : document.getJsonObject("paths").entrySet()) {
      JsonObject get = path.getValue().asJsonObject().getJsonObject("get");
      if (get == null || path.getKey().contains("{") || path.getKey().startsWith("/api/test/")) {
        continue;
      }
      boolean open =
          get.containsKey("security")
              && get.getJsonArray("security").stream().anyMatch(s -> s.asJsonObject().isEmpty());
      Api.Reply reply = app.get(path.getKey().substring(1), null);
      assertEquals(
          open,
          reply.status() != 401,
          path.getKey() + " declared " + (open ? "public" : "signed-in") + ": " + reply);
    }
  }

  /** Ids and counts are integers; a number is only a float or a double (a search score). */
  static boolean untypedNumber(JsonValue v) {
    if (v.getValueType() == JsonValue.ValueType.ARRAY) {
      return v.asJsonArray().stream().anyMatch(OpenApiDocumentIT::untypedNumber);
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      return false;
    }
    JsonObject o = v.asJsonObject();
    if ("number".equals(o.getString("type", ""))
        && !Set.of("float", "double").contains(o.getString("format", ""))) {
      return true;
    }
    return o.values().stream().anyMatch(OpenApiDocumentIT::untypedNumber);
  }
}
