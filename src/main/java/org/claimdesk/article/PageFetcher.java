package org.claimdesk.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import org.claimdesk.identity.Caller;
import org.claimdesk.platform.InvalidInput;
import org.claimdesk.platform.Refused;
import org.claimdesk.platform.Settings;
import org.claimdesk.platform.WebAddress;

/**
 * Fetches a web page for import with the JDK's HTTP client: time-out, size limit, redirects
 * followed (and each hop checked), the final address and fetch time recorded. Addresses in loopback
 * or private networks are refused unless the deployment allows them.
 */
@ApplicationScoped
public class PageFetcher {
  static final int MOST_REDIRECTS = 5;

  @Inject Caller caller;
  @Inject Clock clock;
  @Inject Settings settings;

  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(java.time.Duration.ofSeconds(10))
          .build();

  public Submission fetch(String address, Submission.Given given) {
    caller.require(ArticleImport.IMPORTERS);
    URI uri = parse(address);
    long max = settings.importMaxBytes();
    for (int hop = 0; hop <= MOST_REDIRECTS; hop++) {
      checkHost(uri);
      HttpResponse<InputStream> response = send(uri);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        close(response);
        uri = uri.resolve(response.headers().firstValue("Location").get());
        continue;
      }
      if (status != 200) {
        close(response);
        throw Refused.unreachable("refusal.fetch.status", uri, status);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > max) {
        close(response);
        ArticleImport.checkSize(declared, max);
      }
      byte[] bytes = readAtMost(response, uri, max);
      Instant fetchedAt = clock.instant();
      return new Submission(
          bytes,
          fileName(uri),
          response.headers().firstValue("Content-Type").orElse(null),
          uri.toString(),
          fetchedAt,
          new Submission.Given(
              given.title(),
              given.outlet(),
              given.url() != null ? given.url() : uri.toString(),
              given.author(),
              given.publishedOn(),
              given.language()));
    }
    throw Refused.unreachable("refusal.fetch.redirects", address, MOST_REDIRECTS);
  }

  static URI parse(String address) {
    if (address == null || address.isBlank()) {
      throw new InvalidInput("refusal.fetch.noUrl");
    }
    return URI.create(WebAddress.checked(address, "url"));
  }

  private void checkHost(URI uri) {
    if (!uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")) {
      throw Refused.unreachable("refusal.fetch.redirectNotWeb", uri);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw Refused.unreachable("refusal.fetch.unknownHost", uri.getHost());
    }
    if (settings.importAllowPrivateHosts()) {
      return;
    }
    for (InetAddress a : addresses) {
      if (isPrivate(a)) {
        throw Refused.unreachable("refusal.fetch.private", uri.getHost());
      }
    }
  }

  /** Loopback, private, link-local, carrier-grade NAT, unique-local IPv6 and the like. */
  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 16 && isMappedIpv4(b)) {
      try {
        return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
      } catch (UnknownHostException e) {
        return true;
      }
    }
    boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    return a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()
        || a.isMulticastAddress()
        || cgnat
        || uniqueLocal;
  }

  private static boolean isMappedIpv4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private HttpResponse<InputStream> send(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.importUrlTimeout())
            .header("User-Agent", "ClaimDesk article import")
            .header("Accept", "text/html, text/plain;q=0.9, text/markdown;q=0.9, */*;q=0.1")
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw Refused.unreachable(
          "refusal.fetch.timeout", uri, settings.importUrlTimeout().toSeconds());
    } catch (IOException e) {
      throw Refused.unreachable("refusal.fetch.failed", uri, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refused.unreachable("refusal.fetch.interrupted", uri);
    }
  }

  /** Reads the body but never more than the limit: a huge page is refused, not buffered. */
  private static byte[] readAtMost(HttpResponse<InputStream> response, URI uri, long max) {
    try (InputStream in = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > max) {
          throw ArticleImport.tooLarge(max);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw Refused.unreachable("refusal.fetch.readFailed", uri, e.getMessage());
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // nothing was read; the connection is dropped either way
    }
  }

  private static String fileName(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.isBlank() ? null : last;
  }
}
