package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.AbortRecordingStub;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Graceful shutdown across the services: assistant-service (the companion) is stopped as an
 * orchestrator stops it while a streamed turn runs through it. Its stream outlives the grace period
 * (2 s in tests) and ends with run.failed (503 service_stopping) rather than being cut off; the
 * turn's stream ends with turn.failed naming it, the failed reply is stored (and can be
 * regenerated), the run is recorded as failed, and the server stops well inside Liberty's quiesce.
 */
@ExtendWith(AssistantServiceCompanion.class)
class GracefulShutdownIT {

  /** What a streamed turn's client saw, the companion being stopped at its first delta. */
  private record Seen(
      List<String> events, String lastData, Duration stopTook, long sigtermToEndMillis) {}

  private static Seen streamAndStopAtFirstDelta(HttpRequest request) throws Exception {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    List<String> events = new ArrayList<>();
    String lastData = null;
    CompletableFuture<Duration> stopped = null;
    long sigterm = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          events.add(line.substring(7));
          if (line.equals("event: turn.delta") && stopped == null) {
            // The reply is under way: stop assistant-service now.
            sigterm = System.nanoTime();
            stopped =
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return AssistantServiceCompanion.stopGracefully();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
          }
        } else if (line.startsWith("data: ")) {
          lastData = line.substring(6);
        }
      }
    }
    long ended = System.nanoTime();
    assertTrue(stopped != null, () -> "no delta arrived: " + events);
    return new Seen(events, lastData, stopped.get(), (ended - sigterm) / 1_000_000);
  }

  private static JsonObject assertStopping(Seen seen) {
    assertEquals(
        "turn.failed", seen.events().get(seen.events().size() - 1), seen.events()::toString);
    JsonObject failure =
        jakarta.json.Json.createReader(new java.io.StringReader(seen.lastData())).readObject();
    assertEquals("service_stopping", failure.getString("code"), seen.lastData());
    assertEquals(503, failure.getInt("status"), seen.lastData());
    return failure;
  }

  @Test
  void aStreamWhoseVendorFallsSilentIsEndedAtTheEndOfTheGracePeriod() throws Exception {
    ConversationFixture.resetSchemas();
    ConversationFixture fx = new ConversationFixture("Shutdown quiet");
    String conversation = fx.conversation(fx.member());
    // The "slow" provider: one delta, then nothing for 30 s (no piece would let the stream notice).
    try (AbortRecordingStub vendor = new AbortRecordingStub(2, 30_000)) {
      String body =
          "{\"stream\": true, \"model_id\": \"slow/slow-model\", "
              + text("Think about it").substring(1);
      HttpRequest request =
          fx.turnRequest(conversation, "unused", true)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      Seen seen;
      try {
        seen = streamAndStopAtFirstDelta(request);
      } finally {
        AssistantServiceCompanion.startAgain();
      }
      JsonObject failure = assertStopping(seen);
      // Aborted at the 2 s grace, not after the vendor's 30 s silence.
      assertTrue(
          seen.sigtermToEndMillis() < 15_000,
          () -> "ended after " + seen.sigtermToEndMillis() + " ms");
      assertEquals(
          1,
          TestDatabase.count(
              "SELECT count(*) FROM conversation.message WHERE id = ? AND status = 'failed'",
              failure.getString("assistant_message_id")));
    }
  }

  @Test
  void aStreamThatOutlivesTheGracePeriodEndsWithItsFinalEvent() throws Exception {
    ConversationFixture.resetSchemas();
    ConversationFixture fx = new ConversationFixture("Shutdown");
    HttpApi member = fx.member();
    String conversation = fx.conversation(member);
    String[] pieces = new String[40];
    java.util.Arrays.fill(pieces, "word ");
    fx.answerStreamedSlowly(20_000, pieces);
    Seen seen;
    try {
      seen =
          streamAndStopAtFirstDelta(fx.turnRequest(conversation, "Tell me slowly", true).build());
    } finally {
      AssistantServiceCompanion.startAgain();
    }
    JsonObject failure = assertStopping(seen);
    // Ended after the grace period, long before the vendor's 20 s body and Liberty's 30 s.
    assertTrue(
        seen.stopTook().compareTo(Duration.ofSeconds(20)) < 0,
        () -> "stop took " + seen.stopTook());
    String failedId = failure.getString("assistant_message_id");
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE id = ? AND status = 'failed'",
            failedId));
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.run WHERE outcome = 'FAILED'"
                + " AND error_code = 'service_stopping' AND organization_id = ?",
            fx.tenant.organizationId()));
  }
}
