package io.openassist.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void idsArePrefixedAndOfFixedLength() {
    String id = IdGenerator.newId("asst");
    assertTrue(id.matches("asst_[0-9A-Za-z]{24}"), id);
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(IdGenerator.newId("asst"));
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void consecutiveIdsShareNoPrefixBeyondTheType() {
    // Sequential or time-based ids would share leading characters; random ones rarely share 4.
    int sharedLong = 0;
    String previous = IdGenerator.newId("asst");
    for (int i = 0; i < 1_000; i++) {
      String next = IdGenerator.newId("asst");
      if (next.regionMatches(5, previous, 5, 4)) {
        sharedLong++;
      }
      previous = next;
    }
    assertTrue(sharedLong < 5, "too many consecutive ids share a prefix: " + sharedLong);
  }

  @Test
  void everyCharacterIsEquallyLikely() {
    // 124,000 characters: each of the 62 expected 2,000 times (sd about 44). Mapping a byte onto
    // the alphabet by a plain modulo would favour its first 8 characters (256 = 4 x 62 + 8), which
    // would then come about 2,420 times each.
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    int[] counts = new int[128];
    for (int i = 0; i < 124_000 / 24; i++) {
      for (char c : IdGenerator.randomBase62(24).toCharArray()) {
        assertTrue(alphabet.indexOf(c) >= 0, "not in the alphabet: " + c);
        counts[c]++;
      }
    }
    int favoured = 0;
    for (int k = 0; k < alphabet.length(); k++) {
      int n = counts[alphabet.charAt(k)];
      assertTrue(n > 1_800 && n < 2_200, alphabet.charAt(k) + ": " + n);
      favoured += k < 8 ? n : 0;
    }
    // The first 8 together: expected 16,000 (sd about 118) unbiased, about 19,400 with the bias.
    assertTrue(favoured < 16_600, "the first 8 characters came " + favoured + " times");
  }
}
