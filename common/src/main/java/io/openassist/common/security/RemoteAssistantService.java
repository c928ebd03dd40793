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
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The other services' view of assistant-service, which owns users, keys and assistant permissions:
 * who a credential belongs to ({@code GET /v1/me}) and what its holder may do with an assistant
 * ({@code GET /v1/assistants/{id}/access}), asked with the caller's own credential. Answers are
 * cached per credential (by its SHA-256, never the credential itself) for {@code
 * openassist.auth.cache-ttl} (30 s by default): a revoked key or grant keeps working in the other
 * services for at most that long.
 *
 * <p>This is the default; assistant-service replaces both roles with local implementations.
 */
@ApplicationScoped
public class RemoteAssistantService implements CallerResolver, AssistantAccessChecker {

  private static final int MAX_CACHED = 10_000;

  private record Cached<T>(Optional<T> value, Instant until) {}

  private final ConcurrentHashMap<String, Cached<?>> cache = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();
  private volatile AssistantServiceClient client;

  @Inject CallerContext callers;

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
    return caller(apiKey);
  }

  @Override
  public Optional<Caller> byToken(String token, JwtClaims claims) {
    return caller(token);
  }

  @Override
  public Optional<String> permission(String assistantId) {
    String credential = callers.credential();
    return cached(
        ApiKeyFormat.hash(credential) + " " + assistantId,
        () -> ask(() -> client().access(bearer(credential), assistantId).permission()));
  }

  private Optional<Caller> caller(String credential) {
    return cached(
        ApiKeyFormat.hash(credential), () -> ask(() -> client().me(bearer(credential)).toCaller()));
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> cached(String key, Supplier<Optional<T>> lookup) {
    Instant now = clock.instant();
    Cached<?> hit = cache.get(key);
    if (hit != null && now.isBefore(hit.until())) {
      return (Optional<T>) hit.value();
    }
    Optional<T> value = lookup.get();
    if (cache.size() >= MAX_CACHED) {
      cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(key, new Cached<>(value, now.plus(cacheTtl)));
    return value;
  }

  /** Calls assistant-service: 401 and 404 mean "no"; anything else it cannot answer is a 503. */
  private static <T> Optional<T> ask(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 401 || status == 404) {
        return Optional.empty();
      }
      throw unavailable();
    } catch (ProcessingException e) {
      throw unavailable();
    }
  }

  private AssistantServiceClient client() {
    AssistantServiceClient current = client;
    if (current == null) {
      current =
          RestClientBuilder.newBuilder()
              .baseUri(URI.create(assistantServiceUrl))
              .connectTimeout(2, TimeUnit.SECONDS)
              .readTimeout(5, TimeUnit.SECONDS)
              .build(AssistantServiceClient.class);
      client = current;
    }
    return current;
  }

  private static String bearer(String credential) {
    return "Bearer " + credential;
  }

  private static ServiceUnavailableException unavailable() {
    return new ServiceUnavailableException(
        "identity_unavailable", "Credentials cannot be checked right now; try again shortly");
  }
}
