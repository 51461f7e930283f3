package org.claimdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.claimdesk.identity.Role;
import org.junit.jupiter.api.Test;

class ChangeTest {

  @Test
  void onlyFieldsThatReallyChangedAreRecorded() {
    Change change =
        Change.about("account.roles-changed", "account", "lena")
            .field(
                "roles",
                Set.of(Role.SUPERVISOR, Role.FACT_CHECKER),
                Set.of(Role.FACT_CHECKER, Role.SUPERVISOR))
            .field("enabled", true, false)
            .field("locale", Optional.of("de"), Optional.of("de"));
    assertEquals("{\"enabled\":{\"after\":false,\"before\":true}}", change.changesJson());
  }

  @Test
  void collectionsAreStoredSortedAndOptionalsUnwrapped() {
    Change change =
        Change.about("account.created", "account", "lena")
            .set("roles", Set.of(Role.SUPERVISOR, Role.ADMIN))
            .field("locale", Optional.empty(), Optional.of("en"));
    assertEquals(
        "{\"locale\":{\"after\":\"en\",\"before\":null},\"roles\":{\"after\":[\"ADMIN\",\"SUPERVISOR\"],\"before\":null}}",
        change.changesJson());
  }

  @Test
  void actionsAreStableDottedNames() {
    for (String good :
        new String[] {
          "account.disabled", "api-token.issued", "audit.checkpoint-exported", "verdict.approved"
        }) {
      assertEquals(good, Change.about(good, "x", null).action());
    }
    for (String bad :
        new String[] {"disabled", "Account.Disabled", "account.", ".x", "account disabled", null}) {
      assertThrows(
          IllegalArgumentException.class, () -> Change.about(bad, "x", null), String.valueOf(bad));
    }
  }

  @Test
  void overlongNamesAndPathsAreShortenedNotLost() {
    String longName = "x".repeat(300);
    Change change = Change.about("login.failed", "account", longName).by(longName, Set.of());
    assertEquals(200, change.entityId().length());
    assertTrue(change.entityId().endsWith("…"));
    assertEquals(64, change.actor().orElseThrow().length());
    assertEquals("short", Change.about("a.b", "x", "short").entityId());
  }

  @Test
  void aBlankReasonIsNoReason() {
    assertEquals(null, Change.about("a.b", "x", null).because("  ").reason());
    assertEquals("weil", Change.about("a.b", "x", null).because(" weil ").reason());
    assertTrue(Change.about("a.b", "x", null).changedNothing());
  }
}
