package org.claimdesk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiTokenTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static ApiToken token() {
    return new ApiToken("lena", "laptop", "a".repeat(64), "cdk_abcdef", NOW, NOW.plusSeconds(3600));
  }

  @Test
  void aTokenIsValidUntilItExpires() {
    ApiToken token = token();
    assertTrue(token.validAt(NOW));
    assertTrue(token.validAt(NOW.plusSeconds(3599)));
    assertFalse(token.validAt(NOW.plusSeconds(3600)));
  }

  @Test
  void aRevokedTokenIsNeverValidAgainAndKeepsItsFirstRevocationTime() {
    ApiToken token = token();
    token.revoke(NOW.plusSeconds(10));
    token.revoke(NOW.plusSeconds(20));
    assertFalse(token.validAt(NOW.plusSeconds(11)));
    assertEquals(NOW.plusSeconds(10), token.revokedAt().orElseThrow());
  }

  @Test
  void aTokenNeedsANameAndMustExpireAfterItIsCreated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ApiToken("lena", " ", "h", "p", NOW, NOW.plusSeconds(1)));
    assertThrows(
        IllegalArgumentException.class, () -> new ApiToken("lena", "x", "h", "p", NOW, NOW));
  }
}
