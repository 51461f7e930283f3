package org.claimdesk.platform.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language of an API caller's refusals: German when the caller's {@code Accept-Language}
 * prefers it, English otherwise, as in the desk's UI. Bean Validation's messages are written again
 * in that language from their templates (the validator wrote them in the server's language).
 */
public final class CallerLanguage {
  private static final Locale GERMAN = Locale.GERMAN;

  private static final class Interpolator {
    static final MessageInterpolator INSTANCE =
        Validation.buildDefaultValidatorFactory().getMessageInterpolator();
  }

  private CallerLanguage() {}

  public static Locale of(HttpHeaders headers) {
    if (headers != null) {
      for (Locale wanted : headers.getAcceptableLanguages()) {
        if ("de".equals(wanted.getLanguage())) {
          return GERMAN;
        }
        if ("en".equals(wanted.getLanguage())) {
          return Locale.ENGLISH;
        }
      }
    }
    return Locale.ENGLISH;
  }

  static String message(ConstraintViolation<?> violation, Locale locale) {
    try {
      return Interpolator.INSTANCE.interpolate(
          violation.getMessageTemplate(), new Violated(violation), locale);
    } catch (ValidationException | UnsupportedOperationException e) {
      return violation.getMessage();
    }
  }

  private record Violated(ConstraintViolation<?> violation) implements MessageInterpolator.Context {
    @Override
    public ConstraintDescriptor<?> getConstraintDescriptor() {
      return violation.getConstraintDescriptor();
    }

    @Override
    public Object getValidatedValue() {
      return violation.getInvalidValue();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      if (type.isInstance(this)) {
        return type.cast(this);
      }
      throw new ValidationException("Not a " + type.getName());
    }
  }
}
