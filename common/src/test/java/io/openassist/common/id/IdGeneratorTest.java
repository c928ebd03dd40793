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
}
