package io.openassist.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

  @Test
  void generatesPrefixedKeysWithTheEnvironmentTagAndEnoughRandomness() {
    String key = ApiKeyFormat.generate("live");
    assertTrue(key.matches("sk_live_[0-9A-Za-z]{38}"), key);
    assertTrue(ApiKeyFormat.isWellFormed(key));
    assertNotEquals(key, ApiKeyFormat.generate("live"));
    // 32 random base-62 characters: 32 * log2(62) > 190 bits, well over the 128 required.
    assertTrue(32 * Math.log(62) / Math.log(2) > 128);
  }

  @Test
  void theChecksumCatchesAnyChangedCharacter() {
    String key = ApiKeyFormat.generate("test");
    for (int i = "sk_test_".length(); i < key.length(); i++) {
      char c = key.charAt(i);
      String changed = key.substring(0, i) + (c == 'a' ? 'b' : 'a') + key.substring(i + 1);
      assertFalse(ApiKeyFormat.isWellFormed(changed), "changed at " + i + ": " + changed);
    }
  }

  @Test
  void rejectsWhatIsNotAKey() {
    assertFalse(ApiKeyFormat.isWellFormed("sk_live_short"));
    assertFalse(ApiKeyFormat.isWellFormed("pk_live_" + "a".repeat(38)));
    assertFalse(ApiKeyFormat.isWellFormed("sk_LIVE_" + "a".repeat(38)));
    assertFalse(ApiKeyFormat.isWellFormed(""));
    assertThrows(IllegalArgumentException.class, () -> ApiKeyFormat.generate("Prod!"));
  }

  @Test
  void theLookupPrefixIsTheNonSecretStart() {
    String key = ApiKeyFormat.generate("live");
    String prefix = ApiKeyFormat.lookupPrefix(key);
    assertEquals("sk_live_".length() + 12, prefix.length());
    assertTrue(key.startsWith(prefix));
  }

  @Test
  void storesOnlyAFixedLengthHash() {
    String key = ApiKeyFormat.generate("live");
    String hash = ApiKeyFormat.hash(key);
    assertEquals(64, hash.length());
    assertFalse(hash.contains(key.substring(8)));
    assertTrue(ApiKeyFormat.sameHash(hash, ApiKeyFormat.hash(key)));
    assertFalse(ApiKeyFormat.sameHash(hash, ApiKeyFormat.hash(ApiKeyFormat.generate("live"))));
  }
}
