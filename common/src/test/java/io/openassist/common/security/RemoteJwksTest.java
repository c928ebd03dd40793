package io.openassist.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity provider's JWKS endpoint over real HTTP (a local stub server): key rotation works at
 * once, unknown {@code kid}s refresh at most once per interval, and a provider that is down leaves
 * the keys already known in use.
 */
class RemoteJwksTest {

  private static final String ISSUER = "https://idp.example";
  private static final KeyPair FIRST = rsa();
  private static final KeyPair SECOND = rsa();

  private HttpServer provider;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String published;
  private volatile int status = 200;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
  private JwtVerifier verifier;

  @BeforeEach
  void startTheProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext(
        "/jwks",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = published.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    provider.start();
    published = jwks(jwk("k1", FIRST));
    verifier =
        new JwtVerifier(
            new JwtVerifier.Settings(
                ISSUER, List.of(), Duration.ofSeconds(60), "sub", "org_id", "groups"),
            JwtKeys.of(
                null,
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks",
                Duration.ofMinutes(10),
                Duration.ofSeconds(10),
                clock),
            clock);
  }

  @AfterEach
  void stopTheProvider() {
    provider.stop(0);
  }

  @Test
  void aRotatedKeyIsFetchedAtOnceWhenATokenNamesIt() {
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    assertEquals(1, requests.get());

    published = jwks(jwk("k1", FIRST), jwk("k2", SECOND));
    clock.advance(Duration.ofSeconds(11));
    assertTrue(verifier.verify(token("k2", SECOND)).isPresent(), "the new key works at once");
    assertEquals(2, requests.get());
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    assertEquals(2, requests.get(), "known keys come from the cache");
  }

  @Test
  void unknownKidsRefreshAtMostOncePerInterval() {
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    clock.advance(Duration.ofSeconds(11));
    for (int i = 0; i < 20; i++) {
      assertFalse(verifier.verify(token("made-up-" + i, SECOND)).isPresent());
    }
    assertEquals(2, requests.get(), "one refresh for twenty unknown kids");
    clock.advance(Duration.ofSeconds(11));
    assertFalse(verifier.verify(token("made-up", SECOND)).isPresent());
    assertEquals(3, requests.get());
  }

  @Test
  void aProviderThatIsDownLeavesTheKnownKeysInUse() {
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    status = 503;
    published = "{\"error\": \"down\"}";
    clock.advance(Duration.ofMinutes(11)); // the cache has aged: a refresh is attempted, and fails
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    assertEquals(2, requests.get());

    provider.stop(0); // now not even listening
    clock.advance(Duration.ofMinutes(11));
    assertTrue(verifier.verify(token("k1", FIRST)).isPresent());
    assertFalse(verifier.verify(token("k2", SECOND)).isPresent());
  }

  @Test
  void aProviderThatWasNeverReachableAcceptsNothing() {
    provider.stop(0);
    assertFalse(verifier.verify(token("k1", FIRST)).isPresent());
  }

  private String token(String kid, KeyPair key) {
    JsonObjectBuilder claims =
        Json.createObjectBuilder()
            .add("iss", ISSUER)
            .add("sub", "alice")
            .add("org_id", "org_1")
            .add("exp", clock.instant().plusSeconds(300).getEpochSecond());
    return JwtVerifierTest.signWithHeader(
        "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", "SHA256withRSA", claims, key.getPrivate());
  }

  private static JsonObjectBuilder jwk(String kid, KeyPair pair) {
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return Json.createObjectBuilder()
        .add("kty", "RSA")
        .add("kid", kid)
        .add("use", "sig")
        .add("n", b64.encodeToString(key.getModulus().toByteArray()))
        .add("e", b64.encodeToString(key.getPublicExponent().toByteArray()));
  }

  private static String jwks(JsonObjectBuilder... keys) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (JsonObjectBuilder key : keys) {
      array.add(key);
    }
    return Json.createObjectBuilder().add("keys", array).build().toString();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
