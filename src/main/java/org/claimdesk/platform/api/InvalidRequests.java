package org.claimdesk.platform.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;
import org.claimdesk.platform.Problem;

/**
 * Bean Validation of request records, answered like every other refusal: 400 problem+json naming
 * each field. Needed beside {@link ProblemMapper} because JAX-RS picks the mapper of the nearest
 * exception type, and Jersey's own for {@code ValidationException} (an empty 400 that becomes an
 * HTML error page) is nearer than one for {@code Throwable}.
 */
@Provider
public class InvalidRequests implements ExceptionMapper<ConstraintViolationException> {
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.FieldError> errors = ProblemMapper.fieldErrors(e, CallerLanguage.of(headers));
    Problem problem =
        new Problem(
            400,
            "Bad Request",
            errors.stream()
                .map(f -> f.field() + " " + f.message())
                .collect(Collectors.joining("; ")),
            uri == null ? null : "/api/" + uri.getPath(),
            null,
            errors);
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.toJson())
        .build();
  }
}
