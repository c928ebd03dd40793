package io.openassist.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Signs identity-provider tokens for tests with the test key pair whose public half the test
 * servers trust ({@code mp.jwt.verify.issuer} {@value #ISSUER}).
 */
public final class TestTokens {

  public static final String ISSUER = "https://idp.openassist.test";

  private static final PrivateKey KEY = loadPrivateKey();

  private TestTokens() {}

  /** A valid token for a user of an organisation, for an hour. */
  public static String forUser(String subject, String organization, List<String> groups) {
    return sign(claims(subject, organization, groups).build());
  }

  /** The standard claims, to be changed by a test before signing. */
  public static JsonObjectBuilder claims(String subject, String organization, List<String> groups) {
    long now = Instant.now().getEpochSecond();
    return Json.createObjectBuilder()
        .add("iss", ISSUER)
        .add("sub", subject)
        .add("upn", subject)
        .add("org_id", organization)
        .add("groups", Json.createArrayBuilder(groups))
        .add("iat", now)
        .add("exp", now + 3600);
  }

  public static String sign(JsonObject claims) {
    return sign(claims, KEY);
  }

  /** Signed with a key the servers do not trust. */
  public static String signWithForeignKey(JsonObject claims) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(claims, generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}), which must never be accepted. */
  public static String unsigned(JsonObject claims) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";
  }

  private static String sign(JsonObject claims, PrivateKey key) {
    String signed = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey loadPrivateKey() {
    try (InputStream in = TestTokens.class.getResourceAsStream("/jwt/test-private.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      byte[] der =
          Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
