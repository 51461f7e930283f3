package org.claimdesk.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Web addresses people type into ClaimDesk. Only http and https: every stored address is shown as a
 * link, and a {@code javascript:} or {@code data:} link would run in the reader's browser.
 */
public final class WebAddress {
  public static final int LONGEST = 2000;

  private WebAddress() {}

  /** The address stripped, or null when blank; refuses anything but an absolute http(s) URL. */
  public static String checked(String address, String what) {
    if (address == null || address.isBlank()) {
      return null;
    }
    String a = address.strip();
    if (a.length() > LONGEST) {
      throw new IllegalArgumentException(
          "The " + what + " is longer than " + LONGEST + " characters.");
    }
    try {
      URI uri = new URI(a);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return a;
      }
    } catch (URISyntaxException e) {
      // answered below, in the same words as any other unusable address
    }
    throw new IllegalArgumentException(
        "The "
            + what
            + " must be a web address starting with http:// or https://, not \""
            + a
            + "\".");
  }
}
