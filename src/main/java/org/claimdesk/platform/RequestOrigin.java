package org.claimdesk.platform;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where the current request came from: its request id (the client's X-Request-Id if it is sane,
 * else a new one, echoed in the response) and the client address. Empty outside HTTP requests.
 */
@RequestScoped
public class RequestOrigin {
  static final String ATTRIBUTE = "claimdesk.request-id";
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Inject HttpServletRequest request;

  /** Gives the request its id; called first thing for every request. */
  public static void assign(HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(ATTRIBUTE) == null) {
      String offered = request.getHeader(HEADER);
      String id =
          offered != null && SANE.matcher(offered).matches()
              ? offered
              : UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
      response.setHeader(HEADER, id);
    }
  }

  public Optional<String> requestId() {
    return current().map(r -> (String) r.getAttribute(ATTRIBUTE));
  }

  /** The path asked for, e.g. "/api/accounts". */
  public Optional<String> path() {
    return current().map(r -> r.getRequestURI().substring(r.getContextPath().length()));
  }

  public Optional<String> clientAddress() {
    return current().map(HttpServletRequest::getRemoteAddr);
  }

  /** The HTTP request being answered; empty outside one. */
  public Optional<HttpServletRequest> current() {
    try {
      request.getMethod(); // touches the proxy: throws outside a request
      return Optional.of(request);
    } catch (ContextNotActiveException
        | IllegalStateException
        | NullPointerException outsideRequest) {
      return Optional.empty();
    }
  }
}
