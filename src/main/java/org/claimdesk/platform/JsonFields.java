package org.claimdesk.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reading the fields of a JSON request body with one kind of answer for every mistake: an {@link
 * IllegalArgumentException} naming the field (422 problem+json).
 */
public final class JsonFields {
  private JsonFields() {}

  /** The text of {@code key}, or null when it is missing or null. */
  public static String text(JsonObject body, String key) {
    JsonValue v = body == null ? null : body.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw new IllegalArgumentException(key + " must be a text.");
  }

  /** The number of {@code key}, or null when it is missing or null. */
  public static Long number(JsonObject body, String key) {
    JsonValue v = body == null ? null : body.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      return n.longValueExact();
    }
    throw new IllegalArgumentException(key + " must be a whole number.");
  }

  /** The version the sender read, required for every change of a versioned thing. */
  public static long version(JsonObject body, String what) {
    Long version = number(body, "version");
    if (version == null) {
      throw new IllegalArgumentException("Send the version of the " + what + " you read.");
    }
    return version;
  }

  /** A date like 2024-06-20, or null for a blank value. */
  public static LocalDate date(String value, String key) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be a date like 2024-06-20.");
    }
  }

  /** The constant of {@code type} named by {@code value} (any case), or null for a blank value. */
  public static <E extends Enum<E>> E named(Class<E> type, String value, String key) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key + " must be one of " + List.of(type.getEnumConstants()) + ", not \"" + value + "\".");
    }
  }
}
