package org.claimdesk.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small HTTP client for ClaimDesk's REST API, as an API user would call it. */
public final class Api {
  public static final String DEMO_PASSWORD = "claimdesk-demo";

  // HTTP/1.1 as browsers and nginx speak it to ClaimDesk: the JDK client's default asks a plain
  // connection to upgrade to HTTP/2 (h2c), and once in a CI run it then read a 2 MB OpenAPI
  // answer as an HTTP/2 frame ("Frame type(51) length(2241584) exceeds MAX_FRAME_SIZE")
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;

  private Api(URI base) {
    this.base = base;
  }

  /** Arquillian's URL names the machine's address; ClaimDesk tests talk to loopback only. */
  public static Api at(URL deployment) {
    String path =
        deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
    return new Api(URI.create("http://127.0.0.1:" + deployment.getPort() + path));
  }

  public static Api at(URI base) {
    return new Api(base);
  }

  public URI base() {
    return base;
  }

  /** A GET, with extra headers as name, value pairs. */
  public Reply get(String path, String bearer, String... headers) {
    HttpRequest.Builder builder = request(path, bearer).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public Reply post(String path, String bearer, String json) {
    return send(
        request(path, bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply delete(String path, String bearer) {
    return send(request(path, bearer).DELETE());
  }

  /** Any method with a JSON body, e.g. PUT, and extra headers as name, value pairs. */
  public Reply send(String method, String path, String bearer, String json, String... headers) {
    return sendAs(method, path, bearer, "application/json", json, headers);
  }

  /** Any method with a body of any type, and extra headers as name, value pairs. */
  public Reply sendAs(
      String method,
      String path,
      String bearer,
      String contentType,
      String body,
      String... headers) {
    HttpRequest.Builder builder =
        request(path, bearer)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /**
   * Signs a demo account in through the login form, as a browser does, and returns its session
   * cookie ({@code JSESSIONID=…}) for a {@code Cookie} header.
   */
  public String sessionFor(String user) {
    Reply form = get("login.xhtml", null);
    java.util.regex.Matcher viewState =
        java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
            .matcher(form.body());
    if (!viewState.find()) {
      throw new IllegalStateException("No view state on the login page: " + form);
    }
    String fields =
        String.join(
            "&",
            "login=login",
            "login%3Ausername=" + encoded(user),
            "login%3Apassword=" + encoded(DEMO_PASSWORD),
            "login%3Asubmit=",
            "jakarta.faces.ViewState=" + encoded(viewState.group(1)));
    Reply signedIn =
        sendAs(
            "POST",
            "login.xhtml",
            null,
            "application/x-www-form-urlencoded",
            fields,
            "Cookie",
            sessionCookie(form));
    if (signedIn.status() != 302) {
      throw new IllegalStateException("Sign-in of " + user + " failed: " + signedIn);
    }
    return sessionCookie(signedIn);
  }

  /**
   * The session cookie, and on a cluster also Payara's JSESSIONIDVERSION: without it a node takes
   * the request for one about an unknown session version.
   */
  private static String sessionCookie(Reply reply) {
    List<String> cookies =
        reply.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID"))
            .map(c -> c.split(";", 2)[0])
            .toList();
    if (cookies.stream().noneMatch(c -> c.startsWith("JSESSIONID="))) {
      throw new IllegalStateException("No session cookie: " + reply);
    }
    return String.join("; ", cookies);
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public Reply postWithBasic(String path, String user, String password, String json) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Raw bytes with their content type, e.g. a ZIP archive. */
  public Reply postBytes(String path, String bearer, String contentType, byte[] body) {
    return send(
        request(path, bearer)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** One file as multipart/form-data part "file", plus text fields as name, value pairs. */
  public Reply upload(
      String path,
      String bearer,
      String fileName,
      String contentType,
      byte[] file,
      String... fields) {
    String boundary = "claimdesk-" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fields[i]
                  + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                  + fields[i + 1]
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path, bearer)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The body as bytes, for downloads such as an article's original. */
  public HttpResponse<byte[]> download(String path, String bearer) {
    try {
      return http.send(
          request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // tokens of demo accounts shared by the test classes of one server: each new token costs a
  // 600,000-iteration password hash there
  private static final Map<String, String> SHARED_TOKENS = new ConcurrentHashMap<>();

  /** The demo account's token, issued once per server for every test class that asks. */
  public String sharedToken(String user) {
    return SHARED_TOKENS.computeIfAbsent(base + " " + user, k -> tokenFor(user));
  }

  /** A fresh API token of a demo account, obtained the documented way (HTTP Basic once). */
  public String tokenFor(String user) {
    Reply reply = postWithBasic("api/tokens", user, DEMO_PASSWORD, "{\"name\":\"test\"}");
    if (reply.status() != 201) {
      throw new IllegalStateException("No token for " + user + ": " + reply);
    }
    return reply.json().asJsonObject().getString("token");
  }

  private HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder;
  }

  /** Every JSON answer from /api fits the schema the server's OpenAPI document declares for it. */
  private void checkDeclared(HttpRequest request, Reply reply) {
    String path = request.uri().getPath();
    int api = path.indexOf("/api/");
    if (api < 0) {
      return;
    }
    URI root = request.uri().resolve(path.substring(0, api + 1));
    DeclaredAnswers.of(root, http)
        .check(
            request.method(),
            path.substring(api),
            reply.status(),
            reply.contentType(),
            reply.body());
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpRequest request = builder.build();
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Reply reply =
          new Reply(
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.body(),
              response);
      checkDeclared(request, reply);
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back. */
  public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
    public JsonStructure json() {
      return Json.createReader(new StringReader(body)).read();
    }

    public JsonObject object() {
      return json().asJsonObject();
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
