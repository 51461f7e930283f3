package org.claimdesk.platform.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.claimdesk.platform.Problem;

/**
 * How query and form parameters are read, as strictly as {@link StrictJson} reads bodies: whole
 * numbers that fit, real dates and ISO instants, flags only true or false ({@code ?unread=maybe} is
 * refused, not read as false), enum constants named in any case (a blank flag or constant counts as
 * not given), or a 400 that names the parameter ({@code ?limit=abc} is not a missing resource).
 * Primitive parameters are taken only with a {@code @DefaultValue}, so that a missing one is never
 * read as null.
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
    if (raw == Boolean.class) {
      return (ParamConverter<T>) converter(name, StrictParams::flag, "true or false");
    }
    if (raw.isEnum()) {
      return enumConverter(name, raw);
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
        } catch (IllegalArgumentException | DateTimeParseException e) {
          throw new Unreadable(name, "must be " + what + ", not '" + value + "'");
        }
      }

      @Override
      public String toString(V value) {
        return String.valueOf(value);
      }
    };
  }

  private static Boolean flag(String value) {
    if (value.isBlank()) {
      return null;
    }
    if (value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")) {
      return Boolean.valueOf(value.strip());
    }
    throw new IllegalArgumentException("not a flag");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> ParamConverter<T> enumConverter(String name, Class<T> raw) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null || value.isBlank()) {
          return null;
        }
        try {
          return (T) StrictJson.constant((Class<? extends Enum>) raw, value);
        } catch (IllegalArgumentException e) {
          throw new Unreadable(name, e.getMessage());
        }
      }

      @Override
      public String toString(T value) {
        return String.valueOf(value);
      }
    };
  }

  /**
   * The query parameter whose value JAX-RS itself could not read (one without a converter here,
   * such as a primitive without a default), and why; null for any other exception. Jersey names the
   * parameter only in its own {@code ParamException}, read by reflection to stay off its internal
   * API.
   */
  static Problem.FieldError refused(WebApplicationException e) {
    if (e.getCause() == null) {
      return null;
    }
    try {
      if (e.getClass().getMethod("getParameterType").invoke(e) != QueryParam.class) {
        return null;
      }
      String name = (String) e.getClass().getMethod("getParameterName").invoke(e);
      Throwable cause = e.getCause();
      String reason =
          cause instanceof NumberFormatException
              ? "must be a whole number that fits"
              : cause instanceof IllegalArgumentException && cause.getMessage() != null
                  ? cause.getMessage()
                  : "has the wrong type";
      return new Problem.FieldError(name, reason);
    } catch (ReflectiveOperationException | ClassCastException notAParameter) {
      return null;
    }
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
