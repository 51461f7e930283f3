package org.claimdesk.audit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON form that is hashed: object keys sorted, no white space, only strings, whole
 * numbers, booleans, null, arrays and objects. Instants are ISO-8601 UTC strings, enums their
 * names.
 */
public final class CanonicalJson {
  // looked up once: JsonProvider.provider() runs a ServiceLoader on every call
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  public static String write(Object value) {
    StringWriter out = new StringWriter();
    JSON.createWriter(out).write(toJson(value));
    return out.toString();
  }

  /**
   * Appends {@code text} as a JSON string escaped exactly as {@link #write} escapes it: only the
   * quote, the backslash and the control characters below U+0020.
   */
  static void appendString(StringBuilder out, String text) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, plain, i);
      plain = i + 1;
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    out.append(text, plain, text.length()).append('"');
  }

  static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue json) {
      return json;
    }
    if (value instanceof String s) {
      return JSON.createValue(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return JSON.createValue(((Number) value).longValue());
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Enum<?> e) {
      return JSON.createValue(e.name());
    }
    if (value instanceof Instant || value instanceof LocalDate) {
      return JSON.createValue(value.toString());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = JSON.createObjectBuilder();
      new TreeMap<>(stringKeys(map)).forEach((k, v) -> object.add(k, toJson(v)));
      return object.build();
    }
    if (value instanceof Collection<?> items) {
      JsonArrayBuilder array = JSON.createArrayBuilder();
      items.forEach(item -> array.add(toJson(item)));
      return array.build();
    }
    throw new IllegalArgumentException("Not canonical JSON: " + value.getClass().getName());
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> keys = new TreeMap<>();
    map.forEach((k, v) -> keys.put(String.valueOf(k), v));
    return keys;
  }
}
