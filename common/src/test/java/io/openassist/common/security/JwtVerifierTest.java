package io.openassist.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final String ISSUER = "https://idp.example";
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final KeyPair RSA = keyPair("RSA", null);
  private static final KeyPair EC = keyPair("EC", "secp256r1");

  private final JwtVerifier verifier = verifier(pem(RSA), List.of());

  @Test
  void acceptsAValidTokenAndReadsItsClaims() {
    Optional<JwtClaims> claims = verifier.verify(rs256(valid()));
    assertTrue(claims.isPresent());
    assertEquals("alice", claims.get().subject());
    assertEquals("org_1", claims.get().organization());
    assertEquals(Set.of("team-a", "team-b"), claims.get().groups());
  }

  @Test
  void rejectsAnExpiredToken() {
    assertRejected(rs256(valid().add("exp", NOW.minusSeconds(61).getEpochSecond())));
  }

  @Test
  void toleratesTheConfiguredClockSkew() {
    assertTrue(
        verifier
            .verify(
                rs256(
                    valid()
                        // issued before it expired: jose4j refuses an exp earlier than the iat
                        .add("iat", NOW.minusSeconds(600).getEpochSecond())
                        .add("exp", NOW.minusSeconds(30).getEpochSecond())))
            .isPresent());
  }

  @Test
  void rejectsATokenNotYetValid() {
    assertRejected(rs256(valid().add("nbf", NOW.plusSeconds(600).getEpochSecond())));
  }

  @Test
  void rejectsAWrongIssuer() {
    assertRejected(rs256(valid().add("iss", "https://evil.example")));
  }

  @Test
  void rejectsAWrongSignature() {
    assertRejected(sign("RS256", "SHA256withRSA", valid(), keyPair("RSA", null).getPrivate()));
    String token = rs256(valid());
    assertRejected(token.substring(0, token.length() - 4) + "AAAA");
  }

  @Test
  void rejectsMissingOrganisationOrSubject() {
    assertRejected(rs256(valid().remove("org_id")));
    assertRejected(rs256(valid().remove("sub")));
    assertRejected(rs256(valid().remove("exp")));
  }

  @Test
  void rejectsUnsignedAndHmacTokens() {
    String payload = encode(valid().build().toString());
    assertRejected(encode("{\"alg\":\"none\"}") + "." + payload + ".");
    assertRejected(encode("{\"alg\":\"HS256\"}") + "." + payload + "." + encode("x"));
    assertRejected("not.a.jwt");
    assertRejected("garbage");
  }

  @Test
  void checksTheAudienceWhenOneIsConfigured() {
    JwtVerifier withAudience = verifier(pem(RSA), List.of("openassist"));
    assertRejected(withAudience, rs256(valid()));
    assertTrue(withAudience.verify(rs256(valid().add("aud", "openassist"))).isPresent());
    assertTrue(
        withAudience
            .verify(rs256(valid().add("aud", Json.createArrayBuilder().add("x").add("openassist"))))
            .isPresent());
  }

  @Test
  void verifiesEcTokensAndPicksTheKeyByKidFromAJwkSet() {
    RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
    String jwks =
        Json.createObjectBuilder()
            .add(
                "keys",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("kty", "RSA")
                            .add("kid", "rsa-1")
                            .add("n", b64(rsa.getModulus().toByteArray()))
                            .add("e", b64(rsa.getPublicExponent().toByteArray()))))
            .build()
            .toString();
    JwtVerifier fromJwks = verifier(jwks, List.of());
    assertTrue(fromJwks.verify(rs256(valid())).isPresent());

    JwtVerifier ec = verifier(pem(EC), List.of());
    assertTrue(
        ec.verify(sign("ES256", "SHA256withECDSAinP1363Format", valid(), EC.getPrivate()))
            .isPresent());
    assertRejected(ec, rs256(valid()));
  }

  @Test
  void acceptsNothingWhenNotConfigured() {
    JwtVerifier unconfigured =
        new JwtVerifier(
            new JwtVerifier.Settings(null, List.of(), Duration.ZERO, "sub", "org_id", "groups"),
            JwtKeys.none(),
            Clock.systemUTC());
    assertRejected(unconfigured, rs256(valid()));
  }

  @Test
  void rejectsCriticalHeadersItDoesNotUnderstand() {
    String header = "{\"alg\":\"RS256\",\"crit\":[\"x-policy\"],\"x-policy\":1}";
    assertRejected(signWithHeader(header, "SHA256withRSA", valid(), RSA.getPrivate()));
  }

  @Test
  void honoursTheAlgorithmAndCurveOfEachKey() {
    RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
    JwtVerifier rs384Only =
        verifier(
            jwks(
                Json.createObjectBuilder()
                    .add("kty", "RSA")
                    .add("alg", "RS384")
                    .add("n", b64(rsa.getModulus().toByteArray()))
                    .add("e", b64(rsa.getPublicExponent().toByteArray()))),
            List.of());
    assertRejected(rs384Only, rs256(valid()));
    assertTrue(
        rs384Only.verify(sign("RS384", "SHA384withRSA", valid(), RSA.getPrivate())).isPresent());

    KeyPair p384 = keyPair("EC", "secp384r1");
    JwtVerifier onP384 = verifier(pem(p384), List.of());
    // An ES256 header over a P-384 key: the curve does not fit the algorithm.
    assertRejected(
        onP384, sign("ES256", "SHA256withECDSAinP1363Format", valid(), p384.getPrivate()));
    assertTrue(
        onP384
            .verify(sign("ES384", "SHA384withECDSAinP1363Format", valid(), p384.getPrivate()))
            .isPresent());
  }

  @Test
  void acceptsOnlyTheConfiguredAlgorithm() {
    JwtVerifier es256Only = rsaVerifier(List.of("ES256"), null);
    assertRejected(es256Only, rs256(valid()));
  }

  @Test
  void rejectsTokensOlderThanTheConfiguredAge() {
    JwtVerifier fiveMinutes = rsaVerifier(null, Duration.ofMinutes(5));
    assertTrue(fiveMinutes.verify(rs256(valid())).isPresent());
    assertRejected(fiveMinutes, rs256(valid().add("iat", NOW.minusSeconds(600).getEpochSecond())));
    assertRejected(fiveMinutes, rs256(valid().remove("iat")));
  }

  private void assertRejected(String token) {
    assertRejected(verifier, token);
  }

  private static void assertRejected(JwtVerifier verifier, String token) {
    assertTrue(verifier.verify(token).isEmpty(), token);
  }

  /** A verifier of RSA tokens with these algorithm and token-age settings. */
  private static JwtVerifier rsaVerifier(List<String> algorithms, Duration maxTokenAge) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new JwtVerifier(
        new JwtVerifier.Settings(
            ISSUER,
            List.of(),
            Duration.ofSeconds(60),
            "sub",
            "org_id",
            "groups",
            algorithms,
            maxTokenAge),
        JwtKeys.of(pem(RSA), null, Duration.ofMinutes(10), Duration.ofSeconds(10), clock),
        clock);
  }

  private static JwtVerifier verifier(String key, List<String> audiences) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new JwtVerifier(
        new JwtVerifier.Settings(
            ISSUER, audiences, Duration.ofSeconds(60), "sub", "org_id", "groups"),
        JwtKeys.of(key, null, Duration.ofMinutes(10), Duration.ofSeconds(10), clock),
        clock);
  }

  private static JsonObjectBuilder valid() {
    return Json.createObjectBuilder()
        .add("iss", ISSUER)
        .add("sub", "alice")
        .add("org_id", "org_1")
        .add("groups", Json.createArrayBuilder().add("team-a").add("team-b"))
        .add("iat", NOW.getEpochSecond())
        .add("exp", NOW.plusSeconds(300).getEpochSecond());
  }

  private static String rs256(JsonObjectBuilder claims) {
    return sign("RS256", "SHA256withRSA", claims, RSA.getPrivate());
  }

  private static String sign(String alg, String jca, JsonObjectBuilder claims, PrivateKey key) {
    return signWithHeader("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", jca, claims, key);
  }

  static String signWithHeader(
      String header, String jca, JsonObjectBuilder claims, PrivateKey key) {
    String signed = encode(header) + "." + encode(claims.build().toString());
    try {
      Signature signature = Signature.getInstance(jca);
      signature.initSign(key);
      signature.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + b64(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwks(JsonObjectBuilder... keys) {
    var array = Json.createArrayBuilder();
    for (JsonObjectBuilder key : keys) {
      array.add(key);
    }
    return Json.createObjectBuilder().add("keys", array).build().toString();
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String encode(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static KeyPair keyPair(String algorithm, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        generator.initialize(2048);
      } else {
        generator.initialize(new ECGenParameterSpec(curve));
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
