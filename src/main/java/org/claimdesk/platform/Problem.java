package org.claimdesk.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An RFC 9457 problem detail: what went wrong, in words a client developer can act on. */
public record Problem(int status, String title, String detail, String instance, String existing) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem(int status, String title, String detail, String instance) {
    this(status, title, detail, instance, null);
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
