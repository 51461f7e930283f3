package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SameOriginTest {
  static final String OWN = "http://127.0.0.1:8080";
  static final List<String> CONFIGURED =
      List.of("http://localhost:8080/", "https://desk.example.org/");

  static boolean allowed(String fetchSite, String origin) {
    return SameOrigin.violation(fetchSite, origin, OWN, CONFIGURED).isEmpty();
  }

  @Test
  void onlyChangingMethodsAreChecked() {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND")) {
      assertTrue(SameOrigin.changes(method), method);
    }
    for (String method : List.of("GET", "HEAD", "OPTIONS")) {
      assertFalse(SameOrigin.changes(method), method);
    }
  }

  @Test
  void secFetchSiteDecidesWhenTheBrowserSendsIt() {
    assertTrue(allowed("same-origin", null));
    assertTrue(allowed("same-origin", "http://evil.example"));
    // another port of the same host is the same site, but not the same origin
    assertFalse(allowed("same-site", OWN));
    assertFalse(allowed("cross-site", OWN));
    assertFalse(allowed("none", null));
  }

  @Test
  void withoutSecFetchSiteTheOriginMustBeThisServerOrAConfiguredAddress() {
    assertTrue(allowed(null, OWN));
    assertTrue(allowed(null, "HTTP://127.0.0.1:8080"));
    assertTrue(allowed(null, "http://localhost:8080"));
    assertTrue(allowed(null, "https://desk.example.org"));
    assertTrue(allowed(null, "https://desk.example.org:443"));
    assertFalse(allowed(null, "http://127.0.0.1:8081"));
    assertFalse(allowed(null, "http://desk.example.org"));
    assertFalse(allowed(null, "https://desk.example.org.evil.example"));
    assertFalse(allowed(null, "null"));
    assertFalse(allowed(null, "not a url"));
  }

  @Test
  void neitherHeaderIsRefused() {
    assertEquals(
        Optional.of("it names no origin (neither Sec-Fetch-Site nor Origin)"),
        SameOrigin.violation(null, null, OWN, CONFIGURED));
  }
}
