package io.openassist.assistant.application;

import io.openassist.assistant.application.ApiKeyService.IssuedKey;
import io.openassist.assistant.domain.Organization;
import io.openassist.assistant.domain.Role;
import io.openassist.assistant.domain.User;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.error.ConflictException;
import io.openassist.common.error.UnauthenticatedException;
import io.openassist.common.id.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Onboarding: the operator (holder of {@code OPENASSIST_OPERATOR_TOKEN}) creates an organisation
 * with its first admin and that admin's first API key, from which the organisation manages itself.
 */
@ApplicationScoped
public class OnboardingService {

  private static final Logger LOG = Logger.getLogger(OnboardingService.class.getName());
  private static final int MIN_OPERATOR_TOKEN_LENGTH = 24;

  /** What onboarding an organisation creates. */
  public record Onboarded(Organization organization, User admin, IssuedKey key) {}

  @Inject JpaIdentityRepository identities;
  @Inject ApiKeyService keys;

  @Inject
  @ConfigProperty(name = "openassist.operator.token")
  Optional<String> operatorToken;

  private final Clock clock = Clock.systemUTC();

  /** Whether onboarding is switched on (an operator token of adequate length is configured). */
  public boolean onboardingEnabled() {
    return operatorToken.filter(t -> t.length() >= MIN_OPERATOR_TOKEN_LENGTH).isPresent();
  }

  /**
   * Refuses anyone but the holder of the operator token (compared in constant time) with the same
   * 401 as any bad credential. Callers check this before they look at the request body. Outside any
   * transaction: a refusal thrown through Liberty's transaction interceptor became an FFDC incident
   * for every bad operator token.
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

  /**
   * Creates an organisation with its first admin and that admin's first API key. Only for the
   * holder of the operator token: the caller checks {@link #requireOperator} first, before it reads
   * the request.
   */
  @Transactional
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
    IssuedKey key = keys.issue(admin, keyName == null ? "bootstrap" : keyName, null, now);
    LOG.info(() -> "Organisation " + organization.id() + " onboarded with admin " + admin.id());
    return new Onboarded(organization, admin, key);
  }
}
