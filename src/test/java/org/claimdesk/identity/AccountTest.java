package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static Account lena() {
    return new Account("lena", "Lena Fischer", "hash", Set.of(Role.FACT_CHECKER), NOW);
  }

  @Test
  void aDisplayNameFitsItsColumnAndEveryRoleIsNamed() {
    assertEquals(
        200,
        new Account("lena", "L".repeat(200), "hash", Set.of(Role.FACT_CHECKER), NOW)
            .displayName()
            .length());
    assertThrows(
        IllegalArgumentException.class,
        () -> new Account("lena", "L".repeat(201), "hash", Set.of(Role.FACT_CHECKER), NOW));
    Set<Role> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThrows(
        IllegalArgumentException.class, () -> new Account("lena", "Lena", "hash", withNull, NOW));
  }

  @Test
  void fiveWrongPasswordsInARowLockTheAccountForThirtySeconds() {
    Account account = lena();
    for (int i = 0; i < 4; i++) {
      account.recordFailedLogin(NOW);
      assertFalse(account.lockedAt(NOW), "attempt " + (i + 1) + " must not lock yet");
    }
    account.recordFailedLogin(NOW);
    assertTrue(account.lockedAt(NOW.plusSeconds(29)));
    assertFalse(account.lockedAt(NOW.plusSeconds(30)));
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
    Account account = lena();
    for (int i = 0; i < 6; i++) {
      account.recordFailedLogin(NOW);
    }
    assertEquals(NOW.plus(Duration.ofSeconds(60)), account.lockedUntil().orElseThrow());
    for (int i = 0; i < 20; i++) {
      account.recordFailedLogin(NOW);
    }
    assertEquals(NOW.plus(Duration.ofMinutes(15)), account.lockedUntil().orElseThrow());
  }

  @Test
  void aSuccessfulLoginResetsTheCounter() {
    Account account = lena();
    for (int i = 0; i < 4; i++) {
      account.recordFailedLogin(NOW);
    }
    account.recordSuccessfulLogin(NOW);
    account.recordFailedLogin(NOW);
    assertFalse(account.lockedAt(NOW));
    assertEquals(NOW, account.lastLoginAt().orElseThrow());
  }

  @Test
  void aNewPasswordLiftsTheLock() {
    Account account = lena();
    for (int i = 0; i < 5; i++) {
      account.recordFailedLogin(NOW);
    }
    account.changePasswordHash("new-hash");
    assertFalse(account.lockedAt(NOW));
  }

  @Test
  void anAccountAlwaysHasAtLeastOneRole() {
    assertThrows(
        IllegalArgumentException.class, () -> new Account("lena", "Lena", "h", Set.of(), NOW));
    Account account = lena();
    assertThrows(
        IllegalArgumentException.class, () -> account.setRoles(EnumSet.noneOf(Role.class)));
    assertEquals(Set.of(Role.FACT_CHECKER), account.roles());
  }

  @Test
  void rolesCannotBeChangedThroughTheReturnedSet() {
    Account account = lena();
    assertThrows(UnsupportedOperationException.class, () -> account.roles().add(Role.ADMIN));
    assertFalse(account.hasRole(Role.ADMIN));
  }

  @Test
  void userNamesAreShortLowerCaseAndSafe() {
    for (String bad :
        new String[] {
          "", "A", "Lena", "lena fischer", "1lena", "lena;drop", "x".repeat(65), null
        }) {
      assertThrows(
          IllegalArgumentException.class, () -> Usernames.requireValid(bad), String.valueOf(bad));
    }
    assertEquals("factchecker2", Usernames.requireValid("factchecker2"));
    assertEquals("l.fischer-2_x", Usernames.requireValid("l.fischer-2_x"));
  }
}
