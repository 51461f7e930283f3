package org.claimdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a browser request comes from ClaimDesk's own pages. The session cookie (SameSite=Lax)
 * still travels with requests from other origins of the same site, such as another port of the same
 * host, so changes through {@code /api} with the session must prove their origin: {@code
 * Sec-Fetch-Site: same-origin}, or, from browsers without it, an {@code Origin} that is this
 * server's own address or a configured one. Neither header: refused, every current browser sends
 * one with a write.
 */
final class SameOrigin {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private SameOrigin() {}

  /** A method that may change something: POST, PUT, PATCH, DELETE and any unknown one. */
  static boolean changes(String method) {
    return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
  }

  /** Why the request is not same-origin, or empty if it is. */
  static Optional<String> violation(HttpServletRequest request, Collection<String> configured) {
    return violation(
        request.getHeader("Sec-Fetch-Site"),
        request.getHeader("Origin"),
        origin(request.getScheme(), request.getServerName(), request.getServerPort()),
        configured);
  }

  static Optional<String> violation(
      String fetchSite, String origin, String own, Collection<String> configured) {
    if (fetchSite != null) {
      return "same-origin".equalsIgnoreCase(fetchSite.strip())
          ? Optional.empty()
          : Optional.of("the browser marked it Sec-Fetch-Site: " + fetchSite.strip());
    }
    if (origin == null) {
      return Optional.of("it names no origin (neither Sec-Fetch-Site nor Origin)");
    }
    Optional<String> offered = origin(origin);
    if (offered.isPresent()
        && (offered.get().equals(own)
            || configured.stream().map(SameOrigin::origin).anyMatch(offered::equals))) {
      return Optional.empty();
    }
    return Optional.of("it comes from the origin " + origin.strip());
  }

  /** The origin (scheme, host and port, default ports left out) of an address, if it has one. */
  static Optional<String> origin(String address) {
    try {
      URI uri = URI.create(address.strip());
      return uri.getScheme() == null || uri.getHost() == null
          ? Optional.empty()
          : Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    boolean standard =
        port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
    return s + "://" + host.toLowerCase(Locale.ROOT) + (standard ? "" : ":" + port);
  }
}
