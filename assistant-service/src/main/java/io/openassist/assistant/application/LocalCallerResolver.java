package io.openassist.assistant.application;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.Organization;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JdbcCredentials;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.security.ApiKeyFormat;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerResolver;
import io.openassist.common.security.JwtClaims;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authentication in assistant-service, which owns users and keys: a presented credential becomes
 * the {@link Caller} it belongs to, read from its own database on every request (replacing the
 * remote resolver the other services use), so that a revoked key fails on the very next request.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
@Transactional
public class LocalCallerResolver implements CallerResolver {

  @Inject JpaIdentityRepository identities;
  @Inject UserProvisioning provisioning;
  @Inject JdbcCredentials credentials;
  @Inject ApiKeyService apiKeys;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.admin-group")
  Optional<String> adminGroup;

  private final Clock clock = Clock.systemUTC();

  /**
   * The caller a well-formed API key belongs to, if it is known, active and matches: the key and
   * its user in one autocommitted statement outside any transaction (this runs before every
   * request: no transaction begin and commit around a read), read afresh each time so that a
   * revoked key fails on the next request; its last use written down at most once a minute, in a
   * transaction of its own.
   */
  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> byApiKey(String presented) {
    Instant now = clock.instant();
    Optional<JdbcCredentials.StoredCredential> found =
        credentials.byLookupPrefix(ApiKeyFormat.lookupPrefix(presented));
    if (found.isEmpty() || !found.get().key().authenticates(presented, now)) {
      return Optional.empty();
    }
    ApiKey key = found.get().key();
    if (key.markUsed(now)) {
      apiKeys.recordUse(key.id(), key.lastUsedAt());
    }
    return Optional.of(
        new Caller(
            key.userId(),
            key.organizationId(),
            found.get().admin(),
            Set.of(),
            Caller.AuthMethod.API_KEY));
  }

  /**
   * The caller a verified token belongs to: the user of the token's organisation with the token's
   * subject, created as a member on first sight. Tokens of unknown organisations belong to no one.
   */
  @Override
  public Optional<Caller> byToken(String token, JwtClaims claims) {
    Optional<Organization> organization = identities.organizationForClaim(claims.organization());
    if (organization.isEmpty()) {
      return Optional.empty();
    }
    String organizationId = organization.get().id();
    User user =
        identities
            .userBySubject(organizationId, claims.subject())
            .orElseGet(() -> provisioning.provision(organizationId, claims.subject()));
    boolean admin = user.isAdmin() || adminGroup.map(claims.groups()::contains).orElse(false);
    return Optional.of(
        new Caller(user.id(), organizationId, admin, claims.groups(), Caller.AuthMethod.JWT));
  }
}
