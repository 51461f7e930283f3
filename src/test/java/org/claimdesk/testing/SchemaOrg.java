package org.claimdesk.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks JSON-LD against the schema.org vocabulary (release 30.0, in {@code ../shared/reference/};
 * another folder with {@code -Dclaimdesk.shared=...}). Stricter than schema.org itself, which only
 * "expects" types: every type and property must be defined and current, every property must belong
 * to its node's type (or a superclass), every value must be of a type in the property's range, and
 * every object must name its {@code @type}.
 */
public final class SchemaOrg {
  private static final Set<String> CONTEXTS = Set.of("https://schema.org", "https://schema.org/");

  private record Property(Set<String> domain, Set<String> range) {}

  /** Each class with itself and all its superclasses, transitively. */
  private final Map<String, Set<String>> ancestors = new HashMap<>();

  private final Map<String, Property> properties = new HashMap<>();
  private final Map<String, String> supersededBy = new HashMap<>();

  private SchemaOrg(JsonArray graph) {
    Map<String, List<String>> parents = new HashMap<>();
    for (JsonObject node : graph.getValuesAs(JsonObject.class)) {
      String id = node.getString("@id");
      if (!id.startsWith("schema:")) {
        continue; // the release also describes terms of other vocabularies it maps to
      }
      String name = id.substring("schema:".length());
      List<String> types = strings(node.get("@type"));
      if (types.contains("rdfs:Class")) {
        parents.put(name, ids(node.get("rdfs:subClassOf")));
      } else if (types.contains("rdf:Property")) {
        properties.put(
            name,
            new Property(
                Set.copyOf(ids(node.get("schema:domainIncludes"))),
                Set.copyOf(ids(node.get("schema:rangeIncludes")))));
      }
      ids(node.get("schema:supersededBy")).forEach(by -> supersededBy.put(name, by));
    }
    for (String type : parents.keySet()) {
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(type));
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (seen.add(next)) {
          todo.addAll(parents.getOrDefault(next, List.of()));
        }
      }
      ancestors.put(type, Set.copyOf(seen));
    }
  }

  /** Loaded on first use: the vocabulary is a 1.5 MB file. */
  private static final class Vocabulary {
    static final SchemaOrg LOADED = load();

    private static SchemaOrg load() {
      Path file =
          Path.of(
              System.getProperty("claimdesk.shared", "../shared"),
              "reference",
              "schemaorg-current-https.jsonld");
      try (JsonReader reader =
          Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
        return new SchemaOrg(reader.readObject().getJsonArray("@graph"));
      } catch (IOException e) {
        throw new UncheckedIOException(
            file.toAbsolutePath() + " missing; set -Dclaimdesk.shared=<folder with reference/>", e);
      }
    }
  }

  /** The document's problems, each with a JSON-pointer path; empty when it is valid. */
  public static List<String> problems(JsonObject document) {
    List<String> problems = new ArrayList<>();
    if (!document.containsKey("@context")) {
      problems.add("/: no @context");
    }
    Vocabulary.LOADED.node(document, "", problems);
    return problems;
  }

  public static void requireValid(JsonObject document) {
    List<String> problems = problems(document);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "not valid schema.org:\n  " + String.join("\n  ", problems) + "\nin " + document);
    }
  }

  /** Checks one node and everything below it; returns its types with all their superclasses. */
  private Set<String> node(JsonObject node, String path, List<String> problems) {
    JsonValue context = node.get("@context");
    if (context != null && !CONTEXTS.contains(text(context))) {
      problems.add(at(path) + "@context must be https://schema.org, not " + context);
    }
    Set<String> types = types(node, path, problems);
    for (Map.Entry<String, JsonValue> entry : node.entrySet()) {
      String key = entry.getKey();
      String keyPath = path + "/" + key;
      if (key.equals("@id") && text(entry.getValue()) == null) {
        problems.add(at(keyPath) + "@id must be a string");
      } else if (!key.startsWith("@")) {
        property(key, entry.getValue(), types, keyPath, problems);
      } else if (!Set.of("@context", "@type", "@id").contains(key)) {
        problems.add(at(keyPath) + "unexpected keyword " + key);
      }
    }
    return types;
  }

  private Set<String> types(JsonObject node, String path, List<String> problems) {
    if (!node.containsKey("@type")) {
      problems.add(at(path) + "no @type");
      return Set.of();
    }
    Set<String> types = new HashSet<>();
    for (String type : strings(node.get("@type"))) {
      if (properties.containsKey(type)) {
        problems.add(at(path) + type + " is a property, not a type");
      } else if (!ancestors.containsKey(type)) {
        problems.add(at(path) + "unknown type " + type);
      } else {
        if (supersededBy.containsKey(type)) {
          problems.add(at(path) + "type " + type + " is superseded by " + supersededBy.get(type));
        }
        types.addAll(ancestors.get(type));
      }
    }
    return types;
  }

  private void property(
      String name, JsonValue value, Set<String> types, String path, List<String> problems) {
    Property property = properties.get(name);
    if (property == null) {
      problems.add(at(path) + "unknown property " + name);
      return;
    }
    if (supersededBy.containsKey(name)) {
      problems.add(at(path) + name + " is superseded by " + supersededBy.get(name));
    }
    // without a known type the node's problem is already reported: don't repeat it per property
    if (!types.isEmpty() && Collections.disjoint(types, property.domain())) {
      problems.add(at(path) + name + " is a property of " + names(property.domain()) + " only");
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonArray) {
          problems.add(at(path + "/" + i) + "nested array");
        } else {
          value(name, property.range(), array.get(i), path + "/" + i, problems);
        }
      }
    } else {
      value(name, property.range(), value, path, problems);
    }
  }

  private void value(
      String name, Set<String> range, JsonValue value, String path, List<String> problems) {
    boolean fits =
        switch (value.getValueType()) {
          case OBJECT -> {
            Set<String> types = node(value.asJsonObject(), path, problems);
            yield types.isEmpty() || !Collections.disjoint(types, range); // empty: reported
          }
          case STRING -> range.stream().anyMatch(r -> acceptsText(r, ((JsonString) value)));
          case NUMBER -> range.stream().anyMatch(r -> acceptsNumber(r, (JsonNumber) value));
          case TRUE, FALSE -> range.stream().anyMatch(r -> isA(r, "Boolean"));
          default -> false;
        };
    if (!fits) {
      problems.add(at(path) + name + " expects " + names(range) + ", not " + value);
    }
  }

  private boolean acceptsText(String type, JsonString value) {
    String text = value.getString();
    if (isA(type, "URL")) {
      return isWebAddress(text);
    } else if (isA(type, "Text")) {
      return true;
    } else if (isA(type, "DateTime")) {
      return parses(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
    } else if (isA(type, "Date")) {
      return parses(text, DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
    }
    return false;
  }

  private boolean acceptsNumber(String type, JsonNumber value) {
    return isA(type, "Number") && (!isA(type, "Integer") || value.isIntegral());
  }

  private boolean isA(String type, String ancestor) {
    return ancestors.getOrDefault(type, Set.of()).contains(ancestor);
  }

  private static boolean isWebAddress(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean parses(String text, DateTimeFormatter format, TemporalQuery<?> query) {
    try {
      format.parse(text, query);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String at(String path) {
    return (path.isEmpty() ? "/" : path) + ": ";
  }

  private static String names(Set<String> types) {
    return String.join(" or ", new TreeSet<>(types));
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }

  /** A JSON-LD value that is one string or an array of strings. */
  private static List<String> strings(JsonValue value) {
    List<JsonValue> values = value instanceof JsonArray array ? array : List.of(value);
    return values.stream()
        .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
        .toList();
  }

  /** The vocabulary's references ({"@id": "schema:X"}, one or an array) as bare names. */
  private static List<String> ids(JsonValue value) {
    if (value == null) {
      return List.of();
    }
    List<JsonValue> references = value instanceof JsonArray array ? array : List.of(value);
    return references.stream()
        .map(reference -> reference.asJsonObject().getString("@id"))
        .map(id -> id.startsWith("schema:") ? id.substring("schema:".length()) : id)
        .toList();
  }
}
