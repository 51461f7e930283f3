package org.claimdesk.platform.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.claimdesk.platform.AccessDenied;
import org.claimdesk.platform.Conflict;
import org.claimdesk.platform.Duplicate;
import org.claimdesk.platform.EnglishWords;
import org.claimdesk.platform.InvalidValue;
import org.claimdesk.platform.Message;
import org.claimdesk.platform.NotFound;
import org.claimdesk.platform.Problem;
import org.claimdesk.platform.Refusal;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.SameMoment;

/**
 * The one translation of exceptions into RFC 9457 problem+json. Expected refusals carry their
 * message, written in the caller's language ({@link CallerLanguage}); anything unexpected is logged
 * with a reference and answered without internals.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable e = unreadableBody(thrown);
    Locale language = CallerLanguage.of(headers);
    String text = e instanceof Refusal r ? r.text(language) : e.getMessage();
    Problem problem;
    if (e instanceof AccessDenied) {
      problem = problem(403, "Forbidden", text);
    } else if (e instanceof NotFound) {
      problem = problem(404, "Not Found", text);
    } else if (e instanceof Duplicate d) {
      problem = new Problem(409, "Conflict", text, path(), d.existing());
    } else if (e instanceof Refused r) {
      problem =
          new Problem(
              r.status(),
              r.title(),
              text,
              path(),
              null,
              List.of(new Problem.FieldError(r.field(), text)));
    } else if (e instanceof Conflict) {
      problem = problem(409, "Conflict", text);
    } else if (e instanceof OptimisticLockException) {
      problem = problem(409, "Conflict", Message.of("problem.changedMeanwhile").in(language));
    } else if (e instanceof PessimisticLockException || e instanceof LockTimeoutException) {
      // a case is locked while somebody else's step on it runs; a long wait ends here
      problem = problem(409, "Conflict", Message.of("problem.caseBusy").in(language));
    } else if (e instanceof InvalidValue v) {
      problem =
          new Problem(
              400,
              "Bad Request",
              text,
              path(),
              null,
              List.of(new Problem.FieldError(v.field(), text)));
    } else if (e instanceof IllegalArgumentException) {
      problem = problem(400, "Bad Request", text);
    } else if (e instanceof ConstraintViolationException v) {
      List<Problem.FieldError> errors = fieldErrors(v, language);
      problem =
          new Problem(
              400,
              "Bad Request",
              errors.stream()
                  .map(f -> f.field() + " " + f.message())
                  .collect(Collectors.joining("; ")),
              path(),
              null,
              errors);
    } else if (e instanceof JsonbException) {
      problem = problem(said(fieldError((JsonbException) e), language));
    } else if (e instanceof StrictParams.Unreadable p) {
      problem = problem(said(new Problem.FieldError(p.name(), p.reason()), language));
    } else if (e instanceof JsonException) {
      problem =
          new Problem(
              400,
              "Bad Request",
              Message.of("problem.jsonUnreadable", e.getMessage()).in(language),
              path(),
              null,
              List.of(
                  new Problem.FieldError(
                      "body", Message.of("problem.field.notJson", e.getMessage()).in(language))));
    } else if (e instanceof WebApplicationException web) {
      problem = fromWebApplication(web, language);
    } else {
      problem = unexpected(e, language);
    }
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.toJson())
        .build();
  }

  private Problem fromWebApplication(WebApplicationException web, Locale language) {
    Problem.FieldError query = said(StrictParams.refused(web), language);
    if (query != null) {
      return new Problem(
          400, "Bad Request", query.field() + " " + query.message(), path(), null, List.of(query));
    }
    Response.StatusType status = web.getResponse().getStatusInfo();
    String detail =
        switch (status.getStatusCode()) {
          case 404, 405, 415 -> Message.of("problem.http" + status.getStatusCode()).in(language);
          case 400 -> Message.of("problem.requestUnreadable", web.getMessage()).in(language);
          default -> web.getMessage();
        };
    if (status.getStatusCode() == 400) {
      // a body the container could not take apart (a malformed multipart form, …)
      return new Problem(
          400,
          status.getReasonPhrase(),
          detail,
          path(),
          null,
          List.of(
              new Problem.FieldError("body", Message.of("problem.field.unreadable").in(language))));
    }
    return problem(status.getStatusCode(), status.getReasonPhrase(), detail);
  }

  private Problem unexpected(Throwable e, Locale language) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error " + reference + " at " + path(), e);
    return problem(
        500, "Internal Server Error", Message.of("problem.unexpected", reference).in(language));
  }

  private Problem problem(int status, String title, String detail) {
    return new Problem(status, title, detail, path());
  }

  /** What a parser said of a field (in English) in the caller's language. */
  private static Problem.FieldError said(Problem.FieldError error, Locale language) {
    return error == null
        ? null
        : new Problem.FieldError(
            error.field(), EnglishWords.inLanguage(error.message(), language, PARSER_WORDS));
  }

  private static final List<String> PARSER_WORDS = List.of("problem.field.", "problem.what.");

  private Problem problem(Problem.FieldError error) {
    return new Problem(
        400, "Bad Request", error.field() + " " + error.message(), path(), null, List.of(error));
  }

  /**
   * The fields a validation names: the path below the resource method's parameter ({@code claimId},
   * {@code tags[0]}); a constrained parameter itself by its name ({@code limit}; the body parameter
   * is called {@code body}).
   */
  static List<Problem.FieldError> fieldErrors(ConstraintViolationException v, Locale language) {
    return v.getConstraintViolations().stream()
        .map(c -> new Problem.FieldError(field(c), CallerLanguage.message(c, language)))
        .sorted(Comparator.comparing(Problem.FieldError::field))
        .toList();
  }

  private static String field(ConstraintViolation<?> c) {
    StringBuilder name = new StringBuilder();
    String parameter = "body";
    for (Path.Node node : c.getPropertyPath()) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      }
      if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (node.getName() != null && !node.getName().startsWith("<")) {
          name.append(name.isEmpty() ? "" : ".").append(node.getName());
        }
        if (node.getIndex() != null) {
          name.append('[').append(node.getIndex()).append(']');
        }
      }
    }
    return name.isEmpty() ? parameter : name.toString();
  }

  private static final Pattern PROPERTY =
      Pattern.compile("Unable to deserialize property '([^']+)' because of: ");

  /**
   * The property JSON-B could not read, with the reason our {@link StrictJson} or Yasson gave
   * (nested properties joined with dots); "body" when the body as a whole is of the wrong shape.
   */
  static Problem.FieldError fieldError(JsonbException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    StringBuilder field = new StringBuilder();
    Matcher m = PROPERTY.matcher(message);
    int reasonStart = 0;
    while (m.find(reasonStart) && m.start() == reasonStart) {
      field.append(field.isEmpty() ? "" : ".").append(m.group(1));
      reasonStart = m.end();
    }
    if (field.isEmpty()) {
      return new Problem.FieldError("body", "must be a JSON object of the documented fields");
    }
    String reason = message.substring(reasonStart);
    if (reason.startsWith("Error parsing class java.time.")) {
      reason = "must be a real date like 2024-06-20";
    } else if (reason.startsWith("Internal error") || reason.startsWith("Incorrect position")) {
      reason = "has the wrong type";
    }
    return new Problem.FieldError(field.toString(), reason);
  }

  private String path() {
    return uri == null ? null : "/api/" + uri.getPath();
  }

  /**
   * A body JSON-B could not read arrives wrapped by JAX-RS (a 400 without the field): the JSON-B or
   * JSON-P exception inside names it. Otherwise the usual unwrapping.
   */
  private static Throwable unreadableBody(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return t;
      }
    }
    return unwrap(thrown);
  }

  /** Transactions and EJB-style proxies wrap the real cause; find ours. */
  private static Throwable unwrap(Throwable e) {
    Optional<Conflict> sameMoment = SameMoment.in(e);
    if (sameMoment.isPresent()) {
      return sameMoment.get();
    }
    Throwable current = e;
    for (int depth = 0; depth < 10 && current.getCause() != null; depth++) {
      if (current instanceof AccessDenied
          || current instanceof NotFound
          || current instanceof Conflict
          || current instanceof Refused
          || current instanceof IllegalArgumentException
          || current instanceof WebApplicationException
          || current instanceof OptimisticLockException
          || current instanceof PessimisticLockException
          || current instanceof LockTimeoutException
          || current instanceof ConstraintViolationException
          || current instanceof JsonException
          || current instanceof JsonbException) {
        return current;
      }
      if (current instanceof RollbackException && current.getCause() != null) {
        current = current.getCause();
        continue;
      }
      current = current.getCause();
    }
    return current;
  }
}
