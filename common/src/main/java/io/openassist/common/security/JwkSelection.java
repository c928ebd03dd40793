package io.openassist.common.security;

import java.security.Key;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;

/**
 * Which published key may verify a token: the one its {@code kid} names (any, when the token names
 * none), of the key type its algorithm needs, on the curve its algorithm needs (ES256 P-256, ES384
 * P-384, ES512 P-521), meant for signatures, and — where the JWK says which algorithm it is for —
 * for exactly that algorithm.
 */
final class JwkSelection {

  private JwkSelection() {}

  static Optional<Key> select(JsonWebSignature jws, List<JsonWebKey> keys) {
    String kid = jws.getKeyIdHeaderValue();
    String alg = jws.getAlgorithmHeaderValue();
    for (JsonWebKey key : keys) {
      if (kid != null && key.getKeyId() != null && !kid.equals(key.getKeyId())) {
        continue;
      }
      if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
        continue;
      }
      if (key.getUse() != null && !key.getUse().equals("sig")) {
        continue;
      }
      if (fits(key, alg)) {
        return Optional.of(key.getKey());
      }
    }
    return Optional.empty();
  }

  private static boolean fits(JsonWebKey key, String alg) {
    return switch (alg == null ? "" : alg) {
      case AlgorithmIdentifiers.RSA_USING_SHA256,
          AlgorithmIdentifiers.RSA_USING_SHA384,
          AlgorithmIdentifiers.RSA_USING_SHA512,
          AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
          AlgorithmIdentifiers.RSA_PSS_USING_SHA384,
          AlgorithmIdentifiers.RSA_PSS_USING_SHA512 ->
          key instanceof RsaJsonWebKey;
      case AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 ->
          onCurve(key, EllipticCurves.P_256);
      case AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384 ->
          onCurve(key, EllipticCurves.P_384);
      case AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512 ->
          onCurve(key, EllipticCurves.P_521);
      default -> false;
    };
  }

  private static boolean onCurve(JsonWebKey key, String curve) {
    return key instanceof EllipticCurveJsonWebKey ec && curve.equals(ec.getCurveName());
  }
}
