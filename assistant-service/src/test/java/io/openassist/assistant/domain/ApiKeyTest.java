package io.openassist.assistant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.common.security.ApiKeyFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private final String secret = ApiKeyFormat.generate("live");

  @Test
  void authenticatesOnlyItsOwnKeyWhileActive() {
    ApiKey key = new ApiKey("key_1", "org_1", "user_1", "ci", secret, null, T0);
    assertTrue(key.authenticates(secret, T0.plusSeconds(1)));
    assertFalse(key.authenticates(ApiKeyFormat.generate("live"), T0.plusSeconds(1)));
    key.revoke(T0.plusSeconds(2));
    assertFalse(key.authenticates(secret, T0.plusSeconds(3)));
  }

  @Test
  void expiresAtItsExpiryTime() {
    ApiKey key = new ApiKey("key_1", "org_1", "user_1", "ci", secret, T0.plusSeconds(60), T0);
    assertTrue(key.authenticates(secret, T0.plusSeconds(59)));
    assertFalse(key.authenticates(secret, T0.plusSeconds(60)));
  }

  @Test
  void keepsOnlyTheHashAndTheLookupPrefix() {
    ApiKey key = new ApiKey("key_1", "org_1", "user_1", "ci", secret, null, T0);
    assertTrue(secret.startsWith(key.lookupPrefix()));
    assertFalse(key.lookupPrefix().length() >= secret.length() - 20);
  }

  @Test
  void notesUsesAtMostOncePerMinute() {
    ApiKey key = new ApiKey("key_1", "org_1", "user_1", "ci", secret, null, T0);
    assertNull(key.lastUsedAt());
    key.markUsed(T0.plusSeconds(10));
    assertEquals(T0.plusSeconds(10), key.lastUsedAt());
    key.markUsed(T0.plusSeconds(40));
    assertEquals(T0.plusSeconds(10), key.lastUsedAt());
    key.markUsed(T0.plusSeconds(71));
    assertEquals(T0.plusSeconds(71), key.lastUsedAt());
  }

  @Test
  void revokingTwiceKeepsTheFirstTime() {
    ApiKey key = new ApiKey("key_1", "org_1", "user_1", "ci", secret, null, T0);
    key.revoke(T0.plusSeconds(5));
    key.revoke(T0.plusSeconds(9));
    assertEquals(T0.plusSeconds(5), key.revokedAt());
  }
}
