package org.claimdesk.platform.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.claimdesk.platform.Problem;

/**
 * Bean Validation of request records, answered like every other refusal. Needed beside {@link
 * ProblemMapper} because JAX-RS picks the mapper of the nearest exception type, and Jersey's own
 * for {@code ValidationException} (an empty 400) is nearer than one for {@code Throwable}.
 */
@Provider
public class InvalidRequests implements ExceptionMapper<ConstraintViolationException> {
  @Context UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    Problem problem = ProblemMapper.invalid(e, uri == null ? null : "/api/" + uri.getPath());
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.toJson())
        .build();
  }
}
