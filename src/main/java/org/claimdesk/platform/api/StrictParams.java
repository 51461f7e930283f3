package org.claimdesk.platform.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * How query and form parameters are read: whole numbers that fit, real dates and ISO instants, or a
 * 400 that names the parameter ({@code ?limit=abc} is not a missing resource). Primitive parameters
 * are taken only with a {@code @DefaultValue}, so that a missing one is never read as null.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

  /** A parameter that could not be read, by its name on the wire. */
  public static final class Unreadable extends BadRequestException {
    private final String name;
    private final String reason;

    public Unreadable(String name, String reason) {
      super(name + " " + reason);
      this.name = name;
      this.reason = reason;
    }

    public String name() {
      return name;
    }

    public String reason() {
      return reason;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> raw, Type type, Annotation[] annotations) {
    String name = nameIn(annotations);
    if (name == null || raw.isPrimitive() && !has(annotations, DefaultValue.class)) {
      return null;
    }
    if (raw == Integer.class || raw == int.class) {
      return (ParamConverter<T>) converter(name, v -> Integer.valueOf(v.strip()), "a whole number");
    }
    if (raw == Long.class || raw == long.class) {
      return (ParamConverter<T>) converter(name, v -> Long.valueOf(v.strip()), "a whole number");
    }
    if (raw == LocalDate.class) {
      return (ParamConverter<T>) dates(name);
    }
    if (raw == Instant.class) {
      return (ParamConverter<T>)
          converter(name, v -> Instant.parse(v.strip()), "an instant like 2026-11-23T08:00:00Z");
    }
    return null;
  }

  /** A date of a form or query, e.g. a multipart field: null when blank, 400 naming it when bad. */
  public static LocalDate date(String name, String value) {
    return value == null || value.isBlank() ? null : dates(name).fromString(value);
  }

  private static ParamConverter<LocalDate> dates(String name) {
    return converter(name, v -> LocalDate.parse(v.strip()), "a real date like 2024-06-20");
  }

  private static <V> ParamConverter<V> converter(
      String name, Function<String, V> parse, String what) {
    return new ParamConverter<>() {
      @Override
      public V fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return parse.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
          throw new Unreadable(name, "must be " + what + ", not '" + value + "'");
        }
      }

      @Override
      public String toString(V value) {
        return String.valueOf(value);
      }
    };
  }

  private static String nameIn(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof FormParam f) {
        return f.value();
      }
    }
    return null;
  }

  private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
    for (Annotation a : annotations) {
      if (type.isInstance(a)) {
        return true;
      }
    }
    return false;
  }
}
