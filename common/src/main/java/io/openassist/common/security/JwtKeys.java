package io.openassist.common.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The identity provider's public keys, from MicroProfile JWT's configuration: given inline ({@code
 * mp.jwt.verify.publickey}) or at a location ({@code mp.jwt.verify.publickey.location}: a file
 * path, a {@code file:} URL, or an {@code http(s):} JWKS endpoint, re-read every ten minutes). Each
 * source may be a PEM public key, a JWK, or a JWK set; RSA and EC (P-256, P-384) keys are
 * understood.
 */
public final class JwtKeys {

  /** One verification key and the {@code kid} it is published under, if any. */
  public record Key(String kid, PublicKey publicKey) {}

  private static final Duration REMOTE_REFRESH = Duration.ofMinutes(10);

  private final String inline;
  private final String location;
  private final Clock clock;
  private volatile List<Key> keys;
  private volatile Instant loadedAt = Instant.MIN;

  public JwtKeys(String inline, String location, Clock clock) {
    this.inline = blankToNull(inline);
    this.location = blankToNull(location);
    this.clock = clock;
  }

  /** Whether any key source is configured; without one, no token is accepted. */
  public boolean configured() {
    return inline != null || location != null;
  }

  public List<Key> keys() {
    boolean remote = location != null && location.matches("(?i)https?:.*");
    if (keys == null || (remote && clock.instant().isAfter(loadedAt.plus(REMOTE_REFRESH)))) {
      synchronized (this) {
        if (keys == null || (remote && clock.instant().isAfter(loadedAt.plus(REMOTE_REFRESH)))) {
          keys = load();
          loadedAt = clock.instant();
        }
      }
    }
    return keys;
  }

  private List<Key> load() {
    try {
      String text = inline != null ? inline : read(location);
      return parse(text);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the JWT verification key(s)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted reading the JWT verification key(s)", e);
    }
  }

  private static String read(String location) throws IOException, InterruptedException {
    if (location.matches("(?i)https?:.*")) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("JWKS endpoint answered " + response.statusCode());
      }
      return response.body();
    }
    Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  static List<Key> parse(String text) throws GeneralSecurityException {
    String trimmed = text.trim();
    if (trimmed.startsWith("-----BEGIN")) {
      return List.of(new Key(null, fromPem(trimmed)));
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(trimmed))) {
      json = reader.readObject();
    }
    List<Key> keys = new ArrayList<>();
    if (json.containsKey("keys")) {
      for (JsonValue jwk : json.getJsonArray("keys")) {
        Key key = fromJwk(jwk.asJsonObject());
        if (key != null) {
          keys.add(key);
        }
      }
    } else {
      Key key = fromJwk(json);
      if (key != null) {
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  private static PublicKey fromPem(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePublic(spec);
    }
  }

  /** A JWK as a key, or null for key types and uses that cannot verify signatures here. */
  private static Key fromJwk(JsonObject jwk) throws GeneralSecurityException {
    if (!"sig".equals(jwk.getString("use", "sig"))) {
      return null;
    }
    String kid = jwk.getString("kid", null);
    switch (jwk.getString("kty", "")) {
      case "RSA" -> {
        return new Key(
            kid,
            KeyFactory.getInstance("RSA")
                .generatePublic(
                    new RSAPublicKeySpec(number(jwk.getString("n")), number(jwk.getString("e")))));
      }
      case "EC" -> {
        String curve =
            switch (jwk.getString("crv", "")) {
              case "P-256" -> "secp256r1";
              case "P-384" -> "secp384r1";
              default -> null;
            };
        if (curve == null) {
          return null;
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECPoint point = new ECPoint(number(jwk.getString("x")), number(jwk.getString("y")));
        return new Key(
            kid,
            KeyFactory.getInstance("EC")
                .generatePublic(
                    new ECPublicKeySpec(
                        point, parameters.getParameterSpec(ECParameterSpec.class))));
      }
      default -> {
        return null;
      }
    }
  }

  private static BigInteger number(String base64Url) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(base64Url));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
