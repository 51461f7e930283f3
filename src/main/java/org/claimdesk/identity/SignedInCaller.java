package org.claimdesk.identity;

import java.io.Serializable;
import java.util.Set;

/** What a browser session remembers about its signed-in person. */
record SignedInCaller(String username, Set<String> roles) implements Serializable {
  static final String SESSION_KEY = "claimdesk.caller";
}
