package io.openassist.assistant.application;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.security.ApiKeyFormat;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys: each user manages their own, admins everyone's in the organisation. A key's secret is
 * shown once, when it is issued; only its hash is stored.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

  /** A newly issued key: the row, and the key itself, which is shown this once. */
  public record IssuedKey(ApiKey row, String key) {}

  @Inject JpaIdentityRepository identities;
  @Inject CallerContext callers;

  @Inject
  @ConfigProperty(name = "openassist.auth.api-key-environment", defaultValue = "live")
  String keyEnvironment;

  private final Clock clock = Clock.systemUTC();

  /** A new key for the caller, or (admins only) for another user of the organisation. */
  public IssuedKey create(String name, Instant expiresAt, String userId) {
    Caller caller = callers.caller();
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidRequestException(
          List.of(new FieldError("expires_at", "must be in the future")));
    }
    String ownerId = userId == null ? caller.userId() : userId;
    if (!ownerId.equals(caller.userId())) {
      callers.requireAdmin("create keys for other users");
    }
    User owner =
        identities
            .user(caller.organizationId(), ownerId)
            .orElseThrow(() -> new ResourceNotFoundException("user"));
    return issue(owner, name, expiresAt, now);
  }

  /** The caller's keys; admins may list anyone's (or, with no user, the whole organisation's). */
  public List<ApiKey> list(String userId) {
    Caller caller = callers.caller();
    if (!caller.admin()) {
      if (userId != null && !userId.equals(caller.userId())) {
        throw new ForbiddenException("Only admins may list other users' keys");
      }
      return identities.keys(caller.organizationId(), caller.userId());
    }
    return identities.keys(caller.organizationId(), userId);
  }

  public ApiKey get(String id) {
    return visibleKey(id);
  }

  /** Revokes a key; it authenticates no one from the next request on. */
  /**
   * Writes down a key's last use, in a transaction of its own (authentication reads without one).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordUse(String keyId, Instant lastUsedAt) {
    identities.writeLastUsed(keyId, lastUsedAt);
  }

  public ApiKey revoke(String id) {
    ApiKey key = visibleKey(id);
    key.revoke(clock.instant());
    return key;
  }

  /** Issues a key to a user, within the caller's transaction (onboarding issues the first). */
  IssuedKey issue(User owner, String name, Instant expiresAt, Instant now) {
    String secret = ApiKeyFormat.generate(keyEnvironment);
    ApiKey key =
        new ApiKey(
            IdGenerator.newId("key"),
            owner.organizationId(),
            owner.id(),
            name,
            secret,
            expiresAt,
            now);
    identities.add(key);
    return new IssuedKey(key, secret);
  }

  private ApiKey visibleKey(String id) {
    Caller caller = callers.caller();
    return identities
        .key(caller.organizationId(), id)
        .filter(k -> caller.admin() || k.userId().equals(caller.userId()))
        .orElseThrow(() -> new ResourceNotFoundException("API key"));
  }
}
