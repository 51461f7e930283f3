package org.claimdesk.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An RFC 9457 problem detail: what went wrong, in words a client developer can act on. */
public record Problem(
    int status,
    String title,
    String detail,
    String instance,
    String existing,
    List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** One offending field of a request ("body" for the body as a whole) and what is wrong. */
  public record FieldError(String field, String message) {}

  public Problem(int status, String title, String detail, String instance) {
    this(status, title, detail, instance, null, List.of());
  }

  public Problem(int status, String title, String detail, String instance, String existing) {
    this(status, title, detail, instance, existing, List.of());
  }

  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    if (existing != null) {
      json.add("existing", existing);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      for (FieldError e : errors) {
        list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message()));
      }
      json.add("errors", list);
    }
    return json.build().toString();
  }

  /** For answers given outside JAX-RS, such as the authentication mechanism's 401. */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(toJson());
    response.flushBuffer();
  }
}
