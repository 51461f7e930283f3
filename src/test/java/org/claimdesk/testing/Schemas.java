package org.claimdesk.testing;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON value against a schema of ClaimDesk's OpenAPI document, for the parts of OpenAPI
 * 3.0 the document uses: $ref, type and format, enum, required, properties (a property the schema
 * does not declare is a finding), items, maxLength, minimum and maximum.
 */
public final class Schemas {
  private final JsonObject document;

  public Schemas(JsonObject document) {
    this.document = document;
  }

  /** What does not match, each with its JSON path; empty when the value fits. */
  public List<String> check(JsonValue value, JsonObject schema) {
    List<String> findings = new ArrayList<>();
    check(value, schema, "$", findings);
    return findings;
  }

  public JsonObject resolve(JsonObject schema) {
    while (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      schema =
          document
              .getJsonObject("components")
              .getJsonObject("schemas")
              .getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      if (schema == null) {
        throw new AssertionError("unresolvable " + ref);
      }
    }
    return schema;
  }

  private void check(JsonValue value, JsonObject schema, String at, List<String> findings) {
    schema = resolve(schema);
    if (value == JsonValue.NULL) {
      return; // JSON-B leaves nulls out; a null that is sent is refused by the server's rules
    }
    String type = schema.getString("type", null);
    String format = schema.getString("format", null);
    if (type != null && !fits(value, type, format)) {
      findings.add(at + ": " + value + " is not " + type + (format == null ? "" : "/" + format));
      return;
    }
    if (schema.containsKey("enum") && !schema.getJsonArray("enum").contains(value)) {
      findings.add(at + ": " + value + " is none of " + schema.getJsonArray("enum"));
    }
    if (value instanceof JsonString s
        && schema.containsKey("maxLength")
        && s.getString().length() > schema.getInt("maxLength")) {
      findings.add(at + ": longer than " + schema.getInt("maxLength"));
    }
    if (value instanceof JsonNumber n) {
      if (schema.containsKey("minimum")
          && n.bigDecimalValue().compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
        findings.add(at + ": below " + schema.get("minimum"));
      }
      if (schema.containsKey("maximum")
          && n.bigDecimalValue().compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
        findings.add(at + ": above " + schema.get("maximum"));
      }
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT && schema.containsKey("properties")) {
      JsonObject object = value.asJsonObject();
      JsonObject properties = schema.getJsonObject("properties");
      for (JsonValue required :
          schema.getOrDefault("required", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
        String name = ((JsonString) required).getString();
        if (!object.containsKey(name)) {
          findings.add(at + "." + name + ": required, missing");
        }
      }
      for (var field : object.entrySet()) {
        JsonObject property = properties.getJsonObject(field.getKey());
        if (property == null) {
          findings.add(at + "." + field.getKey() + ": not in the schema");
        } else {
          check(field.getValue(), property, at + "." + field.getKey(), findings);
        }
      }
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY && schema.containsKey("items")) {
      int i = 0;
      for (JsonValue item : value.asJsonArray()) {
        check(item, schema.getJsonObject("items"), at + "[" + i++ + "]", findings);
      }
    }
  }

  private static boolean fits(JsonValue value, String type, String format) {
    return switch (type) {
      case "object" -> value.getValueType() == JsonValue.ValueType.OBJECT;
      case "array" -> value.getValueType() == JsonValue.ValueType.ARRAY;
      case "boolean" ->
          value.getValueType() == JsonValue.ValueType.TRUE
              || value.getValueType() == JsonValue.ValueType.FALSE;
      case "number" -> value instanceof JsonNumber;
      case "integer" ->
          value instanceof JsonNumber n
              && n.isIntegral()
              && ("int32".equals(format)
                  ? n.bigIntegerValue().bitLength() < 32
                  : n.bigIntegerValue().bitLength() < 64);
      case "string" -> value instanceof JsonString s && formatted(s.getString(), format);
      default -> false;
    };
  }

  private static boolean formatted(String text, String format) {
    try {
      if ("date".equals(format)) {
        LocalDate.parse(text);
      } else if ("date-time".equals(format)) {
        try {
          Instant.parse(text);
        } catch (DateTimeParseException e) {
          OffsetDateTime.parse(text);
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
