package io.openassist.common.security;

import io.openassist.common.error.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Resolves credentials by asking assistant-service, which owns users and keys ({@code GET /v1/me}
 * with the caller's own {@code Authorization} header). Answers are cached per credential (by its
 * SHA-256, never the credential itself) for {@code openassist.auth.cache-ttl} (30 s by default): a
 * revoked key keeps working in the other services for at most that long.
 *
 * <p>This is the default; assistant-service replaces it with its own local resolver.
 */
@ApplicationScoped
public class RemoteCallerResolver implements CallerResolver {

  private static final int MAX_CACHED = 10_000;

  private record Cached(Optional<Caller> caller, Instant until) {}

  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();
  private volatile IdentityClient client;

  @Inject
  @ConfigProperty(
      name = "openassist.services.assistant-url",
      defaultValue = "http://localhost:9081")
  String assistantServiceUrl;

  @Inject
  @ConfigProperty(name = "openassist.auth.cache-ttl", defaultValue = "PT30S")
  Duration cacheTtl;

  @Override
  public Optional<Caller> byApiKey(String apiKey) {
    return resolve(apiKey);
  }

  @Override
  public Optional<Caller> byToken(String token, JwtClaims claims) {
    return resolve(token);
  }

  private Optional<Caller> resolve(String credential) {
    String key = ApiKeyFormat.hash(credential);
    Instant now = clock.instant();
    Cached cached = cache.get(key);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.caller();
    }
    Optional<Caller> caller = ask(credential);
    if (cache.size() >= MAX_CACHED) {
      cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(key, new Cached(caller, now.plus(cacheTtl)));
    return caller;
  }

  private Optional<Caller> ask(String credential) {
    try {
      return Optional.of(client().me("Bearer " + credential).toCaller());
    } catch (WebApplicationException e) {
      if (e.getResponse().getStatus() == 401) {
        return Optional.empty();
      }
      throw unavailable();
    } catch (ProcessingException e) {
      throw unavailable();
    }
  }

  private IdentityClient client() {
    IdentityClient current = client;
    if (current == null) {
      current =
          RestClientBuilder.newBuilder()
              .baseUri(URI.create(assistantServiceUrl))
              .connectTimeout(2, TimeUnit.SECONDS)
              .readTimeout(5, TimeUnit.SECONDS)
              .build(IdentityClient.class);
      client = current;
    }
    return current;
  }

  private static ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException(
        "identity_unavailable", "Credentials cannot be checked right now; try again shortly");
  }
}
