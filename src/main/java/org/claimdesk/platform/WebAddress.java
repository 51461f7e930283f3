package org.claimdesk.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for every web address ClaimDesk stores or shows as a link (articles, evidence,
 * sources, the public and publisher addresses): an absolute http or https URL with a host. A {@code
 * javascript:} or {@code data:} link would run in the reader's browser, so the services refuse
 * anything else, and the pages link only what passes, also for rows stored before the rule.
 */
public final class WebAddress {
  public static final int LONGEST = 2000;

  private WebAddress() {}

  /**
   * The address stripped, or null when blank; refuses anything but an absolute http(s) URL, naming
   * the field (e.g. {@code url}) in words a client developer can act on.
   */
  public static String checked(String address, String field) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String a = address.strip();
    if (a.length() > LONGEST) {
      throw new InvalidInput("refusal.web.tooLong", field, LONGEST);
    }
    return linkable(a).orElseThrow(() -> new InvalidInput("refusal.web.notAbsolute", field, a));
  }

  /** The address if it passes the rule, else empty: what pages may put into an href. */
  public static Optional<String> linkable(String address) {
    if (address == null || address.isBlank() || address.strip().length() > LONGEST) {
      return Optional.empty();
    }
    String a = address.strip();
    try {
      URI uri = new URI(a);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(a);
      }
    } catch (URISyntaxException e) {
      // not a URL at all: as unusable as any other address that fails the rule
    }
    return Optional.empty();
  }
}
