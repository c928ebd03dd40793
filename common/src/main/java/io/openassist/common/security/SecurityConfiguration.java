package io.openassist.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the authentication settings from MicroProfile Config: MicroProfile JWT's standard keys for
 * token verification, and {@code openassist.auth.jwt.*} for which claims carry the subject, the
 * organisation and the groups.
 */
@ApplicationScoped
public class SecurityConfiguration {

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<List<String>> audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
  long clockSkewSeconds;

  /**
   * MicroProfile JWT 2.1: the one signature algorithm tokens are signed with (default: any RS/ES).
   */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm")
  Optional<List<String>> algorithms;

  /** MicroProfile JWT 2.1: how many seconds after its {@code iat} a token is still accepted. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.token.age")
  Optional<Long> tokenAgeSeconds;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.jwks-cache-ttl", defaultValue = "PT10M")
  Duration jwksCacheTtl;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.jwks-refresh-interval", defaultValue = "PT10S")
  Duration jwksRefreshInterval;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.subject-claim", defaultValue = "sub")
  String subjectClaim;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.organization-claim", defaultValue = "org_id")
  String organizationClaim;

  @Inject
  @ConfigProperty(name = "openassist.auth.jwt.groups-claim", defaultValue = "groups")
  String groupsClaim;

  @Produces
  @Singleton
  JwtVerifier jwtVerifier() {
    return new JwtVerifier(
        new JwtVerifier.Settings(
            issuer.filter(s -> !s.isBlank()).orElse(null),
            audiences.orElse(List.of()),
            Duration.ofSeconds(clockSkewSeconds),
            subjectClaim,
            organizationClaim,
            groupsClaim,
            algorithms.orElse(List.of()),
            tokenAgeSeconds.map(Duration::ofSeconds).orElse(null)),
        JwtKeys.of(
            publicKey.orElse(null),
            publicKeyLocation.orElse(null),
            jwksCacheTtl,
            jwksRefreshInterval,
            Clock.systemUTC()),
        Clock.systemUTC());
  }
}
