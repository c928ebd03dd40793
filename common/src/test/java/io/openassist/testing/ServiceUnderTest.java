package io.openassist.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The service as it ships: its packaged WAR on the test server "&lt;service&gt;-it" that the build
 * starts once before the integration tests and stops after them (liberty-maven-plugin around
 * Failsafe). Tests reach it over HTTP at {@link #baseUrl()}, which waits, the first time, until the
 * service reports ready (its schema migrated).
 */
public final class ServiceUnderTest {

  private static volatile boolean ready;

  private ServiceUnderTest() {}

  public static String baseUrl() {
    String url = "http://localhost:" + required("it.http.port");
    if (!ready) {
      awaitReady(url);
      ready = true;
    }
    return url;
  }

  /** Polls {@code /health/ready} until it answers 200, for at most three minutes. */
  static void awaitReady(String url) {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(url + " did not become ready within three minutes");
  }

  static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + property + " is not set (run via mvn)");
    }
    return value;
  }
}
