package io.openassist.assistant.client;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * assistant-service's answers, kept for a while so that not every request of the other services
 * costs a call: bounded in size (least recently used answers go first) and in age (an answer is
 * used for at most {@code ttl}, which is therefore the longest a revoked key or a changed grant
 * takes to reach the other services). Keyed by a hash of the credential, never the credential.
 * Negative answers are cached too; failures are not.
 */
final class CredentialCache {

  private final Cache<String, Optional<?>> answers;

  CredentialCache(long maximumSize, Duration ttl, Ticker ticker) {
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .executor(Runnable::run) // evict on the caller's thread: no pool of its own
            .build();
  }

  @SuppressWarnings("unchecked")
  <T> Optional<T> get(String key, Supplier<Optional<T>> lookup) {
    return (Optional<T>) answers.get(key, k -> lookup.get());
  }

  long size() {
    answers.cleanUp();
    return answers.estimatedSize();
  }
}
