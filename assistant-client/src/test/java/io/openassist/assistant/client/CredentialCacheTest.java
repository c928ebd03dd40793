package io.openassist.assistant.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger lookups = new AtomicInteger();

  private Optional<String> lookup(String answer) {
    lookups.incrementAndGet();
    return Optional.ofNullable(answer);
  }

  @Test
  void answersFromTheCacheUntilTheTtlHasPassed() {
    CredentialCache cache = new CredentialCache(100, Duration.ofSeconds(30), nanos::get);
    assertEquals(Optional.of("a"), cache.get("k", () -> lookup("a")));
    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    assertEquals(Optional.of("a"), cache.get("k", () -> lookup("b")));
    assertEquals(1, lookups.get());
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals(Optional.of("b"), cache.get("k", () -> lookup("b")), "a revoked answer ends");
    assertEquals(2, lookups.get());
  }

  @Test
  void cachesNegativeAnswersButNotFailures() {
    CredentialCache cache = new CredentialCache(100, Duration.ofSeconds(30), nanos::get);
    assertEquals(Optional.empty(), cache.get("unknown", () -> lookup(null)));
    assertEquals(Optional.empty(), cache.get("unknown", () -> lookup("x")));
    assertEquals(1, lookups.get());
    assertThrows(
        IllegalStateException.class,
        () ->
            cache.get(
                "down",
                () -> {
                  throw new IllegalStateException("assistant-service down");
                }));
    assertEquals(Optional.of("up"), cache.get("down", () -> lookup("up")));
  }

  @Test
  void holdsNoMoreThanItsMaximumSize() {
    CredentialCache cache = new CredentialCache(50, Duration.ofMinutes(5), nanos::get);
    for (int i = 0; i < 10_000; i++) {
      String key = "credential-" + i;
      cache.get(key, () -> lookup(key));
    }
    assertTrue(cache.size() <= 50, "size " + cache.size());
  }
}
