package org.claimdesk.identity;

import java.util.regex.Pattern;
import org.claimdesk.platform.InvalidInput;

/** The rule for user names: short, lower-case, safe in URLs, logs and CSV files. */
final class Usernames {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  private Usernames() {}

  static String requireValid(String username) {
    if (username == null || !VALID.matcher(username).matches()) {
      throw new InvalidInput("refusal.account.username");
    }
    return username;
  }
}
