package io.openassist.assistant.application;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.Organization;
import io.openassist.assistant.domain.Role;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.error.ConflictException;
import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.error.UnauthenticatedException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.ApiKeyFormat;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.JwtClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Organisations, their users and the users' API keys: onboarding an organisation with the operator
 * token, managing users (admins) and keys (each user their own; admins everyone's), and turning a
 * presented credential into the {@link Caller} it belongs to.
 */
@ApplicationScoped
@Transactional
public class IdentityService {

  private static final Logger LOG = Logger.getLogger(IdentityService.class.getName());
  private static final int MIN_OPERATOR_TOKEN_LENGTH = 24;

  /** A newly issued key: the row, and the key itself, which is shown this once. */
  public record IssuedKey(ApiKey row, String key) {}

  /** What onboarding an organisation creates. */
  public record Onboarded(Organization organization, User admin, IssuedKey key) {}

  @Inject JpaIdentityRepository identities;
  @Inject CallerContext callers;
  @Inject UserProvisioning provisioning;

  @Inject
  @ConfigProperty(name = "openassist.operator.token")
  Optional<String> operatorToken;

  @Inject
  @ConfigProperty(name = "openassist.auth.api-key-environment", defaultValue = "live")
  String keyEnvironment;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.admin-group")
  Optional<String> adminGroup;

  private final Clock clock = Clock.systemUTC();

  /** Whether onboarding is switched on (an operator token of adequate length is configured). */
  public boolean onboardingEnabled() {
    return operatorToken.filter(t -> t.length() >= MIN_OPERATOR_TOKEN_LENGTH).isPresent();
  }

  /**
   * Creates an organisation with its first admin and that admin's first API key. Only for the
   * holder of the operator token: the caller checks {@link #requireOperator} first, before it reads
   * the request.
   */
  public Onboarded onboard(
      String name,
      String externalId,
      String adminName,
      String adminEmail,
      String adminSubject,
      String keyName) {
    if (externalId != null && identities.organizationExternalIdTaken(externalId)) {
      throw new ConflictException(
          "external_id_taken", "Another organisation already has this external_id");
    }
    Instant now = clock.instant();
    Organization organization = new Organization(IdGenerator.newId("org"), name, externalId, now);
    identities.add(organization);
    User admin =
        new User(
            IdGenerator.newId("user"),
            organization.id(),
            adminName,
            adminEmail,
            Role.ADMIN,
            adminSubject,
            now);
    identities.add(admin);
    IssuedKey key = issue(admin, keyName == null ? "bootstrap" : keyName, null, now);
    LOG.info(() -> "Organisation " + organization.id() + " onboarded with admin " + admin.id());
    return new Onboarded(organization, admin, key);
  }

  /**
   * Refuses anyone but the holder of the operator token (compared in constant time) with the same
   * 401 as any bad credential. Callers check this before they look at the request body.
   */
  public void requireOperator(String presentedToken) {
    if (!onboardingEnabled()
        || presentedToken == null
        || !MessageDigest.isEqual(
            operatorToken.orElseThrow().getBytes(StandardCharsets.UTF_8),
            presentedToken.getBytes(StandardCharsets.UTF_8))) {
      throw new UnauthenticatedException();
    }
  }

  public User createUser(String name, String email, Role role) {
    Caller caller = requireAdmin("create users");
    User user =
        new User(
            IdGenerator.newId("user"),
            caller.organizationId(),
            name,
            email,
            role,
            null,
            clock.instant());
    identities.add(user);
    return user;
  }

  public Page<User> users(PageRequest page) {
    return identities.users(callers.caller().organizationId(), page);
  }

  public User user(String id) {
    return identities
        .user(callers.caller().organizationId(), id)
        .orElseThrow(() -> new ResourceNotFoundException("user"));
  }

  /** A new key for the caller, or (admins only) for another user of the organisation. */
  public IssuedKey createKey(String name, Instant expiresAt, String userId) {
    Caller caller = callers.caller();
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidRequestException(
          List.of(new FieldError("expires_at", "must be in the future")));
    }
    String ownerId = userId == null ? caller.userId() : userId;
    if (!ownerId.equals(caller.userId())) {
      requireAdmin("create keys for other users");
    }
    User owner =
        identities
            .user(caller.organizationId(), ownerId)
            .orElseThrow(() -> new ResourceNotFoundException("user"));
    return issue(owner, name, expiresAt, now);
  }

  /** The caller's keys; admins may list anyone's (or, with no user, the whole organisation's). */
  public List<ApiKey> keys(String userId) {
    Caller caller = callers.caller();
    if (!caller.admin()) {
      if (userId != null && !userId.equals(caller.userId())) {
        throw new ForbiddenException("Only admins may list other users' keys");
      }
      return identities.keys(caller.organizationId(), caller.userId());
    }
    return identities.keys(caller.organizationId(), userId);
  }

  public ApiKey key(String id) {
    return visibleKey(id);
  }

  /** Revokes a key; it authenticates no one from the next request on. */
  public ApiKey revokeKey(String id) {
    ApiKey key = visibleKey(id);
    key.revoke(clock.instant());
    return key;
  }

  /** The caller a well-formed API key belongs to, if it is known, active and matches. */
  public Optional<Caller> authenticateKey(String presented) {
    Instant now = clock.instant();
    Optional<ApiKey> found = identities.keyByLookupPrefix(ApiKeyFormat.lookupPrefix(presented));
    if (found.isEmpty() || !found.get().authenticates(presented, now)) {
      return Optional.empty();
    }
    ApiKey key = found.get();
    key.markUsed(now);
    return identities
        .user(key.organizationId(), key.userId())
        .map(
            user ->
                new Caller(
                    user.id(),
                    user.organizationId(),
                    user.isAdmin(),
                    Set.of(),
                    Caller.AuthMethod.API_KEY));
  }

  /**
   * The caller a verified token belongs to: the user of the token's organisation with the token's
   * subject, created as a member on first sight. Tokens of unknown organisations belong to no one.
   */
  public Optional<Caller> authenticateToken(JwtClaims claims) {
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

  private IssuedKey issue(User owner, String name, Instant expiresAt, Instant now) {
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

  private Caller requireAdmin(String what) {
    Caller caller = callers.caller();
    if (!caller.admin()) {
      throw new ForbiddenException("Only organisation admins may " + what);
    }
    return caller;
  }
}
