package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.OtlpCollector;
import io.openassist.testing.OtlpCollector.ExportedSpan;
import io.openassist.testing.ServiceUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Telemetry across the services: a conversation turn is one trace from
 * conversation-service through assistant-service to the vendor call (whose request carries the
 * trace context), for JSON and streamed turns alike; and the services export their metrics (HTTP
 * requests, vendor calls, tokens); and neither service's log holds a credential or what a user
 * said. The test servers export OTLP to {@link OtlpCollector}.
 */
@ExtendWith({OtlpCollector.class, AssistantServiceCompanion.class})
class TelemetryIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private ConversationFixture fx;
  private String conversation;

  @BeforeEach
  void aConversation() {
    ConversationFixture.resetSchemas();
    fx = new ConversationFixture("Telemetry");
    conversation = fx.conversation(fx.member());
  }

  @Test
  void aTurnIsOneTraceFromConversationServiceThroughAssistantServiceToTheVendor() throws Exception {
    String traceId = newTraceId();
    HttpResponse<String> turn = send(traceId, false);
    assertEquals(201, turn.statusCode(), turn::body);
    assertOneTrace(traceId);
  }

  @Test
  void aStreamedTurnIsOneTraceToo() throws Exception {
    fx.answerStreamed("Hel", "lo");
    String traceId = newTraceId();
    HttpResponse<String> turn = send(traceId, true);
    assertEquals(200, turn.statusCode(), turn::body);
    assertTrue(turn.body().contains("Hello") || turn.body().contains("lo"), turn::body);
    assertOneTrace(traceId);
  }

  @Test
  void theServicesExportRequestVendorAndTokenMetrics() throws Exception {
    assertEquals(201, send(newTraceId(), false).statusCode());
    OtlpCollector.awaitMetric(
        m ->
            m.service().equals("conversation-service")
                && m.name().equals("http.server.request.duration"),
        WAIT);
    OtlpCollector.awaitMetric(
        m ->
            m.service().equals("assistant-service")
                && m.name().equals("openassist.upstream.calls")
                && m.points().stream()
                    .anyMatch(
                        p -> "openai".equals(p.get("provider")) && "ok".equals(p.get("outcome"))),
        WAIT);
    OtlpCollector.awaitMetric(
        m ->
            m.service().equals("assistant-service")
                && m.name().equals("openassist.run.tokens")
                && m.points().stream().anyMatch(p -> "prompt".equals(p.get("type"))),
        WAIT);
  }

  @Test
  void jsonLogRecordsCarryTheRequestIdAndTheTraceId() throws Exception {
    String traceId = newTraceId();
    String requestId = "req_logcheck_" + newSpanId();
    HttpRequest unauthenticated =
        HttpRequest.newBuilder(URI.create(ServiceUnderTest.baseUrl() + "/v1/conversations"))
            .header("Authorization", "Bearer not-a-key")
            .header("X-Request-Id", requestId)
            .header("traceparent", "00-" + traceId + "-" + newSpanId() + "-01")
            .GET()
            .build();
    assertEquals(
        401,
        HttpClient.newHttpClient()
            .send(unauthenticated, HttpResponse.BodyHandlers.discarding())
            .statusCode());
    java.nio.file.Path console =
        java.nio.file.Path.of(
            System.getProperty("it.wlp.home"),
            "usr",
            "servers",
            System.getProperty("it.server.name"),
            "logs",
            "console.log");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      var record =
          java.nio.file.Files.readAllLines(console).stream()
              .filter(l -> l.startsWith("{") && l.contains(requestId))
              .findFirst();
      if (record.isPresent()) {
        jakarta.json.JsonObject json =
            jakarta.json.Json.createReader(new java.io.StringReader(record.get())).readObject();
        assertEquals("liberty_message", json.getString("type"), record.get());
        assertEquals(requestId, json.getString("ext_requestId"), record.get());
        assertEquals(traceId, json.getString("ext_traceId"), record.get());
        assertTrue(json.getString("message").contains("status=401"), record.get());
        return;
      }
      assertTrue(System.nanoTime() < deadline, "no JSON record of " + requestId + " in " + console);
      Thread.sleep(100);
    }
  }

  @Test
  void theLogsCarryNoCredentialOrMessageText() throws Exception {
    // A failed turn (the vendor answers 500) and a completed one, both saying a secret.
    String secret = "Secret-" + newSpanId();
    fx.fail(500);
    assertTrue(send(newTraceId(), false, secret).statusCode() >= 500);
    fx.answer("Noted");
    assertEquals(201, send(newTraceId(), false, secret).statusCode());
    java.nio.file.Path servers =
        java.nio.file.Path.of(System.getProperty("it.wlp.home"), "usr", "servers");
    for (java.nio.file.Path log :
        List.of(
            servers.resolve(System.getProperty("it.server.name") + "/logs/messages.log"),
            servers.resolve(System.getProperty("it.server.name") + "/logs/console.log"),
            servers.resolve(AssistantServiceCompanion.SERVER + "/logs/messages.log"),
            servers.resolve(AssistantServiceCompanion.SERVER + "/logs/console.log"))) {
      String text = java.nio.file.Files.readString(log);
      for (String forbidden :
          List.of(
              secret,
              fx.tenant.memberKey(),
              fx.tenant.adminKey(),
              "sk-test-openai-not-a-secret",
              "it-operator-token-not-a-secret-0001")) {
        assertTrue(!text.contains(forbidden), () -> log + " contains " + forbidden);
      }
    }
  }

  private void assertOneTrace(String traceId) throws InterruptedException {
    ExportedSpan turn =
        OtlpCollector.awaitSpan(
            s ->
                s.traceId().equals(traceId)
                    && s.service().equals("conversation-service")
                    && s.kind().equals("SPAN_KIND_SERVER"),
            WAIT);
    assertTrue(turn.name().contains("/v1/conversations/"), turn::toString);
    ExportedSpan run =
        OtlpCollector.awaitSpan(
            s ->
                s.traceId().equals(traceId)
                    && s.service().equals("assistant-service")
                    && s.kind().equals("SPAN_KIND_SERVER")
                    && s.name().contains("/run"),
            WAIT);
    ExportedSpan vendorCall =
        OtlpCollector.awaitSpan(
            s ->
                s.traceId().equals(traceId)
                    && s.service().equals("assistant-service")
                    && s.kind().equals("SPAN_KIND_CLIENT")
                    && s.attributes().getOrDefault("url.full", "").endsWith("/chat/completions"),
            WAIT);
    assertEquals("POST", vendorCall.attributes().get("http.request.method"));
    assertEquals("200", vendorCall.attributes().get("http.response.status_code"));
    // The run span descends from conversation-service's call; the vendor call from the run.
    List<ExportedSpan> trace =
        OtlpCollector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    assertTrue(descendsFrom(vendorCall, run, trace), () -> "vendor call not under run: " + trace);
    assertTrue(descendsFrom(run, turn, trace), () -> "run not under the turn: " + trace);

    List<ServeEvent> received = fx.vendor.getAllServeEvents();
    assertEquals(1, received.size());
    String traceparent = received.get(0).getRequest().getHeader("traceparent");
    assertTrue(
        traceparent != null && traceparent.startsWith("00-" + traceId + "-"),
        () -> "the vendor's traceparent: " + traceparent);
  }

  private static boolean descendsFrom(
      ExportedSpan span, ExportedSpan ancestor, List<ExportedSpan> trace) {
    ExportedSpan current = span;
    for (int hops = 0; hops < 32 && current != null; hops++) {
      if (current.parentSpanId().equals(ancestor.spanId())) {
        return true;
      }
      String parent = current.parentSpanId();
      current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
    }
    return false;
  }

  /** A turn whose request carries our own W3C trace context, so its trace is ours to find. */
  private HttpResponse<String> send(String traceId, boolean stream) throws Exception {
    return send(traceId, stream, "Trace me");
  }

  private HttpResponse<String> send(String traceId, boolean stream, String said) throws Exception {
    HttpRequest request =
        fx.turnRequest(conversation, said, stream)
            .header("traceparent", "00-" + traceId + "-" + newSpanId() + "-01")
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String newTraceId() {
    byte[] id = new byte[16];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static String newSpanId() {
    byte[] id = new byte[8];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
