package org.claimdesk.platform.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * How request bodies are read: JSON-B into records, with no silent conversions. A number is an id
 * or a count only if it is whole and fits (2^64 + 7 is refused, not read as 7; 1.5 is refused, not
 * read as 1), a text is only a JSON string, a flag only true or false, and an enum constant is
 * named in any case; null stays null (so that {@code @NotNull} names a required field). Each
 * refusal names its property (Yasson adds it), and {@link ProblemMapper} turns that into the
 * problem's {@code errors}.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {
  private static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withDeserializers(
                  new WholeNumbers(), new Whole32(), new Texts(), new Flags(), new Constants()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  static long whole(JsonValue v, long min, long max) {
    if (v instanceof JsonNumber n && n.isIntegral()) {
      BigInteger value = n.bigIntegerValue();
      if (value.compareTo(BigInteger.valueOf(min)) >= 0
          && value.compareTo(BigInteger.valueOf(max)) <= 0) {
        return value.longValueExact();
      }
    }
    throw new JsonbException("must be a whole number from " + min + " to " + max);
  }

  static final class WholeNumbers implements JsonbDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      return v == JsonValue.NULL ? null : whole(v, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  static final class Whole32 implements JsonbDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      return v == JsonValue.NULL ? null : (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
  }

  static final class Texts implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      if (v == JsonValue.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        return s.getString();
      }
      throw new JsonbException("must be a text (a JSON string)");
    }
  }

  static final class Flags implements JsonbDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue v = parser.getValue();
      if (v == JsonValue.NULL) {
        return null;
      }
      if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
        return v == JsonValue.TRUE;
      }
      throw new JsonbException("must be true or false");
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static final class Constants implements JsonbDeserializer<Enum> {
    @Override
    public Enum deserialize(JsonParser parser, DeserializationContext context, Type type) {
      Class<? extends Enum> constants = (Class<? extends Enum>) type;
      JsonValue v = parser.getValue();
      if (v == JsonValue.NULL) {
        return null;
      }
      if (v instanceof JsonString s) {
        try {
          return constant(constants, s.getString());
        } catch (IllegalArgumentException e) {
          throw new JsonbException(e.getMessage());
        }
      }
      throw new JsonbException(oneOf(constants));
    }
  }

  /**
   * The constant named in any case, with - for _ (the wire names of workflow actions such as
   * start-research); also for query parameters ({@link StrictParams}).
   */
  static <E extends Enum<E>> E constant(Class<E> constants, String name) {
    String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : constants.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw new IllegalArgumentException(oneOf(constants));
  }

  private static String oneOf(Class<?> constants) {
    return "must be one of " + Arrays.toString(constants.getEnumConstants());
  }
}
