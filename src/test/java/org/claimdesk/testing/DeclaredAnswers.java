package org.claimdesk.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The answers a server's OpenAPI document declares, so that every JSON answer any test receives
 * from /api is checked against the schema declared for its operation, status and media type: the
 * workflow tests check the document as a side effect of doing their work.
 */
final class DeclaredAnswers {
  private static final Map<URI, DeclaredAnswers> BY_SERVER = new ConcurrentHashMap<>();

  private record Route(String method, Pattern path, String template, JsonObject operation) {}

  private final List<Route> routes = new ArrayList<>();
  private final Schemas schemas;

  private DeclaredAnswers(JsonObject document) {
    schemas = new Schemas(document);
    for (var path : document.getJsonObject("paths").entrySet()) {
      Pattern pattern =
          Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
      for (var op : path.getValue().asJsonObject().entrySet()) {
        routes.add(new Route(op.getKey(), pattern, path.getKey(), op.getValue().asJsonObject()));
      }
    }
    // /api/cases/export before /api/cases/{id}
    routes.sort(
        java.util.Comparator.comparingLong(
            r -> r.template().chars().filter(c -> c == '{').count()));
  }

  /** The document of the server at {@code root} (served at the server's root), read once. */
  static DeclaredAnswers of(URI root, HttpClient http) {
    return BY_SERVER.computeIfAbsent(
        root,
        r -> {
          try {
            HttpResponse<String> reply =
                http.send(
                    HttpRequest.newBuilder(r.resolve("/openapi"))
                        .header("Accept", "application/json")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
              throw new AssertionError("No OpenAPI document: " + reply.statusCode());
            }
            return new DeclaredAnswers(
                Json.createReader(new StringReader(reply.body())).readObject());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Fails when a JSON answer does not fit the schema its operation declares for that status. An
   * operation the document does not know (the test deployment's own endpoints) or a status it does
   * not declare is left to the tests that check those.
   */
  void check(String method, String path, int status, String contentType, String body) {
    String media = contentType.split(";")[0].strip();
    // one JSON document (JSON lines, application/x-ndjson, are not one)
    if (!(media.equals("application/json") || media.endsWith("+json")) || body.isEmpty()) {
      return;
    }
    for (Route route : routes) {
      if (route.method().equalsIgnoreCase(method) && route.path().matcher(path).matches()) {
        JsonObject response =
            route.operation().getJsonObject("responses").getJsonObject(String.valueOf(status));
        if (response == null
            || !response.containsKey("content")
            || !response.getJsonObject("content").containsKey(media)) {
          return;
        }
        JsonObject schema =
            response.getJsonObject("content").getJsonObject(media).getJsonObject("schema");
        JsonValue value = Json.createReader(new StringReader(body)).readValue();
        List<String> findings = schemas.check(value, schema);
        if (!findings.isEmpty()) {
          throw new AssertionError(
              method
                  + " "
                  + route.template()
                  + " answered "
                  + status
                  + " "
                  + media
                  + " that does not fit its declared schema: "
                  + findings);
        }
        return;
      }
    }
  }
}
