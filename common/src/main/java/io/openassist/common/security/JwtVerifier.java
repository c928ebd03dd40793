package io.openassist.common.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the identity provider's bearer tokens: MicroProfile JWT tokens (signed JWS,
 * RS256/384/512 or ES256/384), configured with MicroProfile JWT's own keys ({@code
 * mp.jwt.verify.issuer}, {@code mp.jwt.verify.publickey[.location]}, {@code
 * mp.jwt.verify.audiences}, {@code mp.jwt.verify.clock.skew}). The subject, organisation and groups
 * come from configurable claims.
 *
 * <p>It answers nothing for any token it does not fully trust: no signature, an algorithm it does
 * not allow ({@code none}, HMAC), a bad signature, a wrong issuer or audience, an expired or
 * not-yet-valid token, or a missing subject or organisation. Why is logged at FINE, never returned.
 */
public class JwtVerifier {

  private static final Logger LOG = Logger.getLogger(JwtVerifier.class.getName());

  /** What a token must satisfy, and where its claims are. */
  public record Settings(
      String issuer,
      List<String> audiences,
      Duration clockSkew,
      String subjectClaim,
      String organizationClaim,
      String groupsClaim) {

    public Settings {
      audiences = audiences == null ? List.of() : List.copyOf(audiences);
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

  public Optional<JwtClaims> verify(String token) {
    if (settings.issuer() == null || !keys.configured()) {
      return reject("JWT verification is not configured (issuer and public key)");
    }
    try {
      String[] parts = token.split("\\.", -1);
      if (parts.length != 3) {
        return reject("not a signed JWT");
      }
      JsonObject header = json(parts[0]);
      String algorithm = signatureAlgorithm(header.getString("alg", ""));
      if (algorithm == null) {
        return reject("algorithm not allowed: " + header.getString("alg", ""));
      }
      if (!signatureHolds(header, algorithm, parts)) {
        return reject("bad signature");
      }
      return claims(json(parts[1]));
    } catch (RuntimeException | GeneralSecurityException e) {
      LOG.log(Level.FINE, "JWT rejected: unreadable", e);
      return Optional.empty();
    }
  }

  private boolean signatureHolds(JsonObject header, String algorithm, String[] parts)
      throws GeneralSecurityException {
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    String kid = header.getString("kid", null);
    boolean rsa = algorithm.endsWith("RSA");
    for (JwtKeys.Key key : keys.keys()) {
      if (kid != null && key.kid() != null && !kid.equals(key.kid())) {
        continue;
      }
      if (rsa
          ? !(key.publicKey() instanceof RSAPublicKey)
          : !(key.publicKey() instanceof ECPublicKey)) {
        continue;
      }
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key.publicKey());
      verifier.update(signed);
      if (verifier.verify(signature)) {
        return true;
      }
    }
    return false;
  }

  private Optional<JwtClaims> claims(JsonObject claims) {
    Instant now = clock.instant();
    Duration skew = settings.clockSkew();
    if (!(claims.get("exp") instanceof JsonNumber exp)) {
      return reject("no exp claim");
    }
    Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
    if (now.isAfter(expiresAt.plus(skew))) {
      return reject("expired");
    }
    if (claims.get("nbf") instanceof JsonNumber nbf
        && now.plus(skew).isBefore(Instant.ofEpochSecond(nbf.longValue()))) {
      return reject("not yet valid");
    }
    if (!settings.issuer().equals(string(claims, "iss"))) {
      return reject("wrong issuer");
    }
    if (!settings.audiences().isEmpty() && !audienceMatches(claims.get("aud"))) {
      return reject("wrong audience");
    }
    String subject = string(claims, settings.subjectClaim());
    String organization = string(claims, settings.organizationClaim());
    if (subject == null || subject.isBlank()) {
      return reject("no subject claim " + settings.subjectClaim());
    }
    if (organization == null || organization.isBlank()) {
      return reject("no organisation claim " + settings.organizationClaim());
    }
    return Optional.of(
        new JwtClaims(
            subject, organization, groups(claims.get(settings.groupsClaim())), expiresAt));
  }

  private boolean audienceMatches(JsonValue audience) {
    if (audience instanceof JsonString single) {
      return settings.audiences().contains(single.getString());
    }
    if (audience instanceof JsonArray many) {
      return many.stream()
          .anyMatch(a -> a instanceof JsonString s && settings.audiences().contains(s.getString()));
    }
    return false;
  }

  private static Set<String> groups(JsonValue value) {
    Set<String> groups = new HashSet<>();
    if (value instanceof JsonString single) {
      groups.add(single.getString());
    } else if (value instanceof JsonArray many) {
      many.forEach(
          g -> {
            if (g instanceof JsonString s) {
              groups.add(s.getString());
            }
          });
    }
    return groups;
  }

  /** The JCA name for an allowed JWS algorithm; none, HMAC and anything unknown are refused. */
  private static String signatureAlgorithm(String alg) {
    return switch (alg) {
      case "RS256" -> "SHA256withRSA";
      case "RS384" -> "SHA384withRSA";
      case "RS512" -> "SHA512withRSA";
      case "ES256" -> "SHA256withECDSAinP1363Format";
      case "ES384" -> "SHA384withECDSAinP1363Format";
      default -> null;
    };
  }

  private static JsonObject json(String base64Url) {
    try (JsonReader reader =
        Json.createReader(new ByteArrayInputStream(Base64.getUrlDecoder().decode(base64Url)))) {
      return reader.readObject();
    }
  }

  private static String string(JsonObject object, String member) {
    return object.get(member) instanceof JsonString s ? s.getString() : null;
  }

  private static Optional<JwtClaims> reject(String why) {
    LOG.fine(() -> "JWT rejected: " + why);
    return Optional.empty();
  }
}
