package io.openassist.assistant.client;

import com.github.benmanes.caffeine.cache.Ticker;
import io.openassist.common.error.ServiceUnavailableException;
import io.openassist.common.security.ApiKeyFormat;
import io.openassist.common.security.AssistantAccessChecker;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.CallerResolver;
import io.openassist.common.security.JwtClaims;
import io.openassist.common.security.Permission;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The other services' view of assistant-service, which owns users, keys and assistant permissions:
 * who a credential belongs to ({@code GET /v1/me}) and what its holder may do with an assistant
 * ({@code GET /v1/assistants/{id}/access}), asked with the caller's own credential through {@link
 * AssistantServiceGateway}. Answers are cached ({@link CredentialCache}) for {@code
 * openassist.auth.cache-ttl} (30 s), at most {@code openassist.auth.cache-size} (10,000) of them.
 * When assistant-service cannot answer — down, slow, failing, or its circuit open — the request is
 * a 503 {@code identity_unavailable}.
 */
@ApplicationScoped
public class RemoteAssistantService implements CallerResolver, AssistantAccessChecker {

  private static final Logger LOG = Logger.getLogger(RemoteAssistantService.class.getName());

  @Inject CallerContext callers;
  @Inject AssistantServiceGateway assistantService;

  @Inject
  @ConfigProperty(name = "openassist.auth.cache-ttl", defaultValue = "PT30S")
  Duration cacheTtl;

  @Inject
  @ConfigProperty(name = "openassist.auth.cache-size", defaultValue = "10000")
  long cacheSize;

  private CredentialCache cache;

  @PostConstruct
  void createCache() {
    cache = new CredentialCache(cacheSize, cacheTtl, Ticker.systemTicker());
  }

  @Override
  public Optional<Caller> byApiKey(String apiKey) {
    return caller(apiKey);
  }

  @Override
  public Optional<Caller> byToken(String token, JwtClaims claims) {
    return caller(token);
  }

  @Override
  public Optional<Permission> permission(String assistantId) {
    String credential = callers.credential();
    return cache.get(
        ApiKeyFormat.hash(credential) + " " + assistantId,
        () -> ask(() -> assistantService.access(credential, assistantId).permission()));
  }

  private Optional<Caller> caller(String credential) {
    return cache.get(
        ApiKeyFormat.hash(credential), () -> ask(() -> assistantService.me(credential).toCaller()));
  }

  /** 401 and 404 mean "no"; anything else assistant-service cannot answer is a 503. */
  private static <T> Optional<T> ask(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (AssistantServiceException.CredentialRejected
        | AssistantServiceException.NotVisible no) {
      return Optional.empty();
    } catch (AssistantServiceException.Failed | FaultToleranceException | ProcessingException e) {
      LOG.log(Level.WARNING, "assistant-service could not answer: " + e);
      throw new ServiceUnavailableException(
          "identity_unavailable", "Credentials cannot be checked right now; try again shortly");
    }
  }
}
