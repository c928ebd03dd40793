package io.openassist.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies the identity provider's bearer tokens (signed JWS) with jose4j, configured with
 * MicroProfile JWT's own keys: {@code mp.jwt.verify.issuer}, {@code
 * mp.jwt.verify.publickey[.location]}, {@code mp.jwt.verify.publickey.algorithm}, {@code
 * mp.jwt.verify.audiences}, {@code mp.jwt.verify.clock.skew} and {@code mp.jwt.verify.token.age}.
 * The subject, organisation and groups come from configurable claims. jose4j does the cryptography
 * and the registered-claim checks; this class holds the policy.
 *
 * <p>It answers nothing for any token it does not fully trust: no signature, an algorithm it does
 * not allow ({@code none}, HMAC, or not the configured one), a bad signature, a key that does not
 * fit, a critical header it does not understand, a wrong issuer or audience, an expired, too old or
 * not-yet-valid token, or a missing subject or organisation. Why is logged at FINE, never returned.
 */
public class JwtVerifier {

  private static final Logger LOG = Logger.getLogger(JwtVerifier.class.getName());

  /** The signature algorithms accepted when {@code mp.jwt.verify.publickey.algorithm} is unset. */
  public static final List<String> DEFAULT_ALGORITHMS =
      List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

  /** What a token must satisfy, and where its claims are. */
  public record Settings(
      String issuer,
      List<String> audiences,
      Duration clockSkew,
      String subjectClaim,
      String organizationClaim,
      String groupsClaim,
      List<String> algorithms,
      Duration maxTokenAge) {

    public Settings {
      audiences = audiences == null ? List.of() : List.copyOf(audiences);
      algorithms =
          algorithms == null || algorithms.isEmpty() ? DEFAULT_ALGORITHMS : List.copyOf(algorithms);
    }

    /** The settings with every algorithm allowed by default and no limit on a token's age. */
    public Settings(
        String issuer,
        List<String> audiences,
        Duration clockSkew,
        String subjectClaim,
        String organizationClaim,
        String groupsClaim) {
      this(issuer, audiences, clockSkew, subjectClaim, organizationClaim, groupsClaim, null, null);
    }
  }

  private final Settings settings;
  private final JwtKeys keys;
  private final Clock clock;

  public JwtVerifier(Settings settings, JwtKeys keys, Clock clock) {
    this.settings = settings;
    this.keys = keys;
    this.clock = clock;
  }

  public Optional<io.openassist.common.security.JwtClaims> verify(String token) {
    if (settings.issuer() == null || !keys.configured()) {
      return reject("JWT verification is not configured (issuer and public key)");
    }
    try {
      JwtClaims claims = consumer().processToClaims(token);
      return claims(claims);
    } catch (InvalidJwtException e) {
      return reject(e.getMessage());
    } catch (MalformedClaimException | RuntimeException e) {
      return reject("unreadable: " + e.getMessage());
    }
  }

  private JwtConsumer consumer() {
    Instant now = clock.instant();
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds((int) settings.clockSkew().toSeconds())
            .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
            .setExpectedIssuer(settings.issuer())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                settings.algorithms().toArray(String[]::new))
            .setVerificationKeyResolver(keys);
    if (settings.audiences().isEmpty()) {
      builder.setSkipDefaultAudienceValidation();
    } else {
      builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
    }
    if (settings.maxTokenAge() != null) {
      builder.setRequireIssuedAt();
    }
    return builder.build();
  }

  private Optional<io.openassist.common.security.JwtClaims> claims(JwtClaims claims)
      throws MalformedClaimException {
    if (settings.maxTokenAge() != null) {
      Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
      if (clock
          .instant()
          .isAfter(issuedAt.plus(settings.maxTokenAge()).plus(settings.clockSkew()))) {
        return reject("older than mp.jwt.verify.token.age");
      }
    }
    String subject = string(claims.getClaimValue(settings.subjectClaim()));
    String organization = string(claims.getClaimValue(settings.organizationClaim()));
    if (subject == null || subject.isBlank()) {
      return reject("no subject claim " + settings.subjectClaim());
    }
    if (organization == null || organization.isBlank()) {
      return reject("no organisation claim " + settings.organizationClaim());
    }
    return Optional.of(
        new io.openassist.common.security.JwtClaims(
            subject,
            organization,
            groups(claims.getClaimValue(settings.groupsClaim())),
            Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
  }

  private static Set<String> groups(Object value) {
    Set<String> groups = new HashSet<>();
    if (value instanceof String single) {
      groups.add(single);
    } else if (value instanceof Collection<?> many) {
      for (Object group : many) {
        if (group instanceof String name) {
          groups.add(name);
        }
      }
    }
    return groups;
  }

  private static String string(Object value) {
    return value instanceof String s ? s : null;
  }

  private static Optional<io.openassist.common.security.JwtClaims> reject(String why) {
    LOG.fine(() -> "JWT rejected: " + why);
    return Optional.empty();
  }
}
