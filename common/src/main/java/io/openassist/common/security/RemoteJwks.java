package io.openassist.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The identity provider's JWKS endpoint, cached: read on first use, again once the cache has aged
 * ({@code openassist.auth.jwt.jwks-cache-ttl}), and at once when a token names a key not yet known
 * — so a key rotation at the provider works immediately — but never more often than once per {@code
 * openassist.auth.jwt.jwks-refresh-interval}, so tokens with made-up {@code kid}s cannot turn into
 * a flood of requests to the provider. A failed read keeps the keys already known.
 */
final class RemoteJwks {

  private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());
  private static final int MAX_BYTES = 512 * 1024;

  private final URI location;
  private final Duration cacheFor;
  private final Duration minRefreshInterval;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private volatile List<JsonWebKey> keys = List.of();
  private volatile Instant loadedAt;
  private volatile Instant attemptedAt;

  RemoteJwks(URI location, Duration cacheFor, Duration minRefreshInterval, Clock clock) {
    this.location = location;
    this.cacheFor = cacheFor;
    this.minRefreshInterval = minRefreshInterval;
    this.clock = clock;
  }

  /** The keys known now, read first if the cache is empty or has aged (and a read is allowed). */
  List<JsonWebKey> keys() {
    Instant now = clock.instant();
    if ((loadedAt == null || now.isAfter(loadedAt.plus(cacheFor))) && mayRead(now)) {
      refresh();
    }
    return keys;
  }

  /** Reads the endpoint again for a key it did not have, unless it was read very recently. */
  boolean refreshForUnknownKey() {
    return mayRead(clock.instant()) && refresh();
  }

  private boolean mayRead(Instant now) {
    return attemptedAt == null || !now.isBefore(attemptedAt.plus(minRefreshInterval));
  }

  private synchronized boolean refresh() {
    Instant now = clock.instant();
    if (attemptedAt != null && now.isBefore(attemptedAt.plus(minRefreshInterval))) {
      return false; // another thread has just read it
    }
    attemptedAt = now;
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(location)
                  .timeout(Duration.ofSeconds(5))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
        LOG.warning(
            () ->
                "JWKS "
                    + location
                    + " answered "
                    + response.statusCode()
                    + "; keeping the "
                    + keys.size()
                    + " keys already known");
        return false;
      }
      keys =
          List.copyOf(
              new JsonWebKeySet(
                      new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                  .getJsonWebKeys());
      loadedAt = now;
      return true;
    } catch (IOException | JoseException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "JWKS "
              + location
              + " could not be read; keeping the "
              + keys.size()
              + " keys already known",
          e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
