package io.openassist.common.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The identity provider's public keys, from MicroProfile JWT's configuration: given inline ({@code
 * mp.jwt.verify.publickey}) or at a location ({@code mp.jwt.verify.publickey.location}: a file
 * path, a {@code file:} URL, or an {@code http(s):} JWKS endpoint, see {@link RemoteJwks}). Each
 * source may be a PEM public key, a JWK, or a JWK set, parsed by jose4j.
 *
 * <p>The key for a token is chosen by {@link JwkSelection}: its {@code kid}, and a key type, curve
 * and (where the JWK names one) algorithm that fit the token's algorithm.
 */
public final class JwtKeys implements VerificationKeyResolver {

  private final List<JsonWebKey> fixed;
  private final RemoteJwks remote;

  private JwtKeys(List<JsonWebKey> fixed, RemoteJwks remote) {
    this.fixed = fixed;
    this.remote = remote;
  }

  /** No key at all: no token is accepted. */
  public static JwtKeys none() {
    return new JwtKeys(List.of(), null);
  }

  /**
   * The keys MicroProfile JWT's settings name; the remote endpoint (if any) is cached for {@code
   * cacheFor} and refreshed on an unknown {@code kid} at most once per {@code minRefreshInterval}.
   */
  public static JwtKeys of(
      String inline, String location, Duration cacheFor, Duration minRefreshInterval, Clock clock) {
    inline = blankToNull(inline);
    location = blankToNull(location);
    if (inline != null) {
      return new JwtKeys(parse(inline), null);
    }
    if (location == null) {
      return none();
    }
    if (location.matches("(?i)https?:.*")) {
      return new JwtKeys(
          null, new RemoteJwks(URI.create(location), cacheFor, minRefreshInterval, clock));
    }
    try {
      Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return new JwtKeys(parse(Files.readString(path, StandardCharsets.UTF_8)), null);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot read mp.jwt.verify.publickey.location " + location, e);
    }
  }

  /** Whether any key source is configured; without one, no token is accepted. */
  public boolean configured() {
    return remote != null || !fixed.isEmpty();
  }

  @Override
  public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
      throws UnresolvableKeyException {
    if (remote == null) {
      return JwkSelection.select(jws, fixed).orElseThrow(() -> unresolvable(jws));
    }
    var key = JwkSelection.select(jws, remote.keys());
    if (key.isEmpty()) {
      // Look again even when this thread's refresh was skipped: another may just have read it.
      remote.refreshForUnknownKey();
      key = JwkSelection.select(jws, remote.keys());
    }
    return key.orElseThrow(() -> unresolvable(jws));
  }

  private static UnresolvableKeyException unresolvable(JsonWebSignature jws) {
    return new UnresolvableKeyException(
        "No key fits kid " + jws.getKeyIdHeaderValue() + ", alg " + jws.getAlgorithmHeaderValue());
  }

  /** A PEM public key, a JWK, or a JWK set. */
  static List<JsonWebKey> parse(String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.startsWith("{")) {
        if (trimmed.contains("\"keys\"")) {
          return List.copyOf(new JsonWebKeySet(trimmed).getJsonWebKeys());
        }
        return List.of(JsonWebKey.Factory.newJwk(trimmed));
      }
      String base64 = trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(base64);
      for (String algorithm : List.of("RSA", "EC")) {
        try {
          PublicKey key =
              KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
          return List.of(PublicJsonWebKey.Factory.newPublicJwk(key));
        } catch (java.security.GeneralSecurityException notThisType) {
          // try the next key type
        }
      }
      throw new IllegalStateException("Not an RSA or EC public key");
    } catch (JoseException | IllegalArgumentException e) {
      throw new IllegalStateException("Unreadable JWT verification key", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
