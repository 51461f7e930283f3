package org.claimdesk.platform.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.claimdesk.platform.Problem;

/**
 * How query parameters are read, as strictly as {@link StrictJson} reads bodies: a flag is only
 * true or false ({@code ?unread=maybe} is refused, not read as false), an enum constant is named in
 * any case. A blank value counts as not given. {@link #refused} names the parameter a value was
 * refused for, so that it becomes a 400 problem, not JAX-RS's 404.
 */
@Provider
public class QueryValues implements ParamConverterProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == Boolean.class) {
      return (ParamConverter<T>) new Converter<>(QueryValues::flag);
    }
    if (rawType.isEnum()) {
      return new Converter<>(
          value -> (T) StrictJson.constant((Class<? extends Enum>) rawType, value));
    }
    return null;
  }

  private static Boolean flag(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.valueOf(value);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private record Converter<T>(Function<String, T> read) implements ParamConverter<T> {
    @Override
    public T fromString(String value) {
      return value == null || value.isBlank() ? null : read.apply(value.strip());
    }

    @Override
    public String toString(T value) {
      return String.valueOf(value);
    }
  }

  /**
   * The query parameter whose value could not be read, and why; null for any other exception.
   * Jersey answers such a value with a 404 that names the parameter only in its own {@code
   * ParamException}, read here by reflection to stay off its internal API.
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
}
