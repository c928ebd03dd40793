package io.openassist.assistant.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openassist.common.web.json.Jsonp;
import io.openassist.testing.AbortRecordingStub;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streamed runs as server-sent events: created, the vendor's deltas as they come, completed with
 * the run object (or failed with a problem), and the upstream request aborted when our caller
 * leaves.
 */
class RunStreamingIT {

  private static final String OPENAI = "/openai/v1/chat/completions";

  private WireMockServer vendor;
  private Tenant tenant;
  private String assistantId;
  private final HttpClient client = HttpClient.newHttpClient();

  record Event(String type, JsonObject data) {}

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    tenant = Tenant.onboard(new HttpApi(), "Streams " + System.nanoTime());
    ApiResponse created =
        new HttpApi()
            .as(tenant.adminKey())
            .post("/v1/assistants", "{\"model\": \"gpt-4o\", \"instructions\": \"Be kind.\"}");
    assertEquals(200, created.status(), created::toString);
    assistantId = created.json().getString("id");
  }

  private HttpResponse<InputStream> open(String body, String accept) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create(ServiceUnderTest.baseUrl() + "/v1/assistants/" + assistantId + "/run"))
            .header("Authorization", "Bearer " + tenant.adminKey())
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private static List<Event> events(InputStream stream) throws Exception {
    List<Event> events = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String type = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          events.add(
              new Event(type, Jsonp.reader(new StringReader(line.substring(6))).readObject()));
        }
      }
    }
    return events;
  }

  private static String sse(String... chunks) {
    StringBuilder body = new StringBuilder();
    for (String chunk : chunks) {
      body.append("data: ").append(chunk).append("\n\n");
    }
    return body.toString();
  }

  private static String textChunk(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text
        + "\"},\"finish_reason\":null}]}";
  }

  @Test
  void streamsCreatedDeltasAndCompletedWithTheRunObject() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        sse(
                            textChunk("Hel"),
                            textChunk("lo"),
                            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
                            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}",
                            "[DONE]"))
                    .withChunkedDribbleDelay(5, 200)));

    HttpResponse<InputStream> response =
        open(
            "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "*/*");
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    List<Event> events = events(response.body());

    assertEquals("run.created", events.get(0).type());
    String runId = events.get(0).data().getString("id");
    assertEquals("run.delta", events.get(1).type());
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> "run.delta".equals(e.type()))
        .forEach(e -> text.append(e.data().getJsonObject("delta").getString("text", "")));
    assertEquals("Hello", text.toString());
    Event last = events.get(events.size() - 1);
    assertEquals("run.completed", last.type());
    assertEquals(runId, last.data().getString("id"));
    assertEquals("Hello", last.data().getString("text"));
    assertEquals("stop", last.data().getString("finish_reason"));
    assertEquals(7, last.data().getJsonObject("usage").getInt("total_tokens"));

    JsonObject sent =
        Jsonp.reader(
                new StringReader(
                    vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).get(0).getBodyAsString()))
            .readObject();
    assertTrue(sent.getBoolean("stream"));
    assertTrue(sent.getJsonObject("stream_options").getBoolean("include_usage"));
    assertEquals(
        "SUCCEEDED", TestDatabase.value("SELECT outcome FROM assistant.run WHERE id = ?", runId));
    assertEquals(
        Boolean.TRUE, TestDatabase.value("SELECT streamed FROM assistant.run WHERE id = ?", runId));
  }

  @Test
  void streamsAnthropicToolUseAsToolCallDeltas() throws Exception {
    String body =
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Let me check.\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: ping\ndata: {\"type\":\"ping\"}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"weather\",\"input\":{}}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"city\\\": \"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Bonn\\\"}\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"},\"usage\":{\"output_tokens\":15}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    vendor.stubFor(
        post(urlEqualTo("/anthropic/v1/messages"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));

    HttpResponse<InputStream> response =
        open(
            "{\"model\": \"anthropic/claude-sonnet-4-5\", \"messages\": [{\"role\": \"user\", \"content\": \"Weather?\"}],"
                + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"weather\"}}]}",
            "text/event-stream");
    List<Event> events = events(response.body());

    Event last = events.get(events.size() - 1);
    assertEquals("run.completed", last.type(), events::toString);
    assertEquals("tool_calls", last.data().getString("finish_reason"));
    JsonObject call =
        last.data()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getJsonArray("tool_calls")
            .getJsonObject(0);
    assertEquals("toolu_9", call.getString("id"));
    assertEquals("{\"city\": \"Bonn\"}", call.getJsonObject("function").getString("arguments"));
    assertEquals(9, last.data().getJsonObject("usage").getInt("prompt_tokens"));
    assertEquals(15, last.data().getJsonObject("usage").getInt("completion_tokens"));
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "run.delta".equals(e.type())
                        && e.data().getJsonObject("delta").containsKey("tool_calls")),
        events::toString);
  }

  @Test
  void runCreatedReachesTheCallerBeforeTheVendorHasFinished() throws Exception {
    // The vendor's stream arrives in five pieces over 1.9 s (the first after about 0.4 s).
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        sse(
                            textChunk("one "),
                            textChunk("two "),
                            textChunk("three "),
                            textChunk("four"),
                            "[DONE]"))
                    .withChunkedDribbleDelay(5, 1_900)));
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        open("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "text/event-stream");
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    String first = lines.readLine();
    long createdAfterMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals("event: run.created", first);
    assertTrue(
        createdAfterMs < 1_500,
        "run.created came " + createdAfterMs + " ms after the request, with the vendor's end");
    String line;
    boolean completed = false;
    while ((line = lines.readLine()) != null) {
      completed |= line.equals("event: run.completed");
    }
    assertTrue(completed);
  }

  @Test
  void azuresFirstChunkWithoutAModelDoesNotBlankTheRunsModel() throws Exception {
    ApiResponse created =
        new HttpApi()
            .as(tenant.adminKey())
            .post("/v1/assistants", "{\"model\": \"azure/my-gpt4o\"}");
    assistantId = created.json().getString("id");
    vendor.stubFor(
        post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                "/azure/openai/deployments/my-gpt4o/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        sse(
                            "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"prompt_filter_results\":[],\"choices\":[]}",
                            textChunk("Hallo"),
                            "[DONE]"))));
    List<Event> events =
        events(
            open("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "text/event-stream")
                .body());
    Event last = events.get(events.size() - 1);
    assertEquals("run.completed", last.type(), events::toString);
    assertEquals("gpt-4o", last.data().getString("model"));
    assertEquals("Hallo", last.data().getString("text"));
  }

  @Test
  void aVendorThatRefusesTheCallIsAnOrdinaryProblemNotAStream() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": {\"message\": \"Rate limit reached\"}}")));
    HttpResponse<InputStream> response =
        open("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "text/event-stream");
    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(429, response.statusCode(), body);
    assertEquals("30", response.headers().firstValue("Retry-After").orElse(null), body);
    assertEquals(
        "application/problem+json", response.headers().firstValue("Content-Type").orElse(""), body);
    assertEquals(
        "upstream_rate_limited",
        jakarta.json.Json.createReader(new java.io.StringReader(body))
            .readObject()
            .getString("code"));
    assertEquals(
        1L,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.run WHERE assistant_id = ? AND outcome = 'FAILED'",
            assistantId));
  }

  @Test
  void aVendorThatDoesNotAnswerInTimeIsA504ProblemNotAStream() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(sse(textChunk("late"), "[DONE]"))
                    .withFixedDelay(3_000)));
    HttpResponse<InputStream> response =
        open("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "text/event-stream");
    String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(504, response.statusCode(), body);
    assertTrue(body.contains("\"upstream_timeout\""), body);
  }

  @Test
  void aStreamCutInTheMiddleEndsInRunFailed() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(sse(textChunk("Hal")))));
    List<Event> events =
        events(
            open("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}", "text/event-stream")
                .body());
    Event last = events.get(events.size() - 1);
    assertEquals("run.failed", last.type(), events::toString);
    assertEquals(502, last.data().getInt("status"));
    assertEquals("upstream_failed", last.data().getString("code"));
    assertEquals(
        1L,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.run WHERE assistant_id = ? AND outcome = 'FAILED'",
            assistantId));
  }

  @Test
  void aStalledStreamEndsInRunFailedWithATimeout() throws Exception {
    // The "stalling" provider waits 5 s for an answer and 1 s between pieces: the stream starts
    // after 2 s, then falls silent for 2 s.
    vendor.stubFor(
        post(urlEqualTo("/stalling/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(sse(textChunk("a"), textChunk("b"), "[DONE]"))
                    .withChunkedDribbleDelay(3, 6_000)));
    List<Event> events =
        events(
            open(
                    "{\"model\": \"stalling/gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
                    "text/event-stream")
                .body());
    Event last = events.get(events.size() - 1);
    assertEquals("run.failed", last.type(), events::toString);
    assertEquals("upstream_timeout", last.data().getString("code"));
  }

  @Test
  void checksFailBeforeTheStreamStartsAsOrdinaryProblems() throws Exception {
    HttpResponse<InputStream> response =
        open(
            "{\"stream\": true, \"messages\": [{\"role\": \"nobody\", \"content\": \"Hi\"}]}",
            "text/event-stream");
    assertEquals(400, response.statusCode());
    assertTrue(
        response
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    response.body().close();
  }

  @Test
  void aCallerThatLeavesAbortsTheUpstreamRequest() throws Exception {
    try (AbortRecordingStub slow = new AbortRecordingStub(200, 20)) {
      HttpResponse<InputStream> response =
          open(
              "{\"model\": \"slow/slow-model\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}",
              "text/event-stream");
      assertEquals(200, response.statusCode());
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      int deltas = 0;
      String line;
      while (deltas < 3 && (line = lines.readLine()) != null) {
        if (line.equals("event: run.delta")) {
          deltas++;
        }
      }
      long leftAt = System.nanoTime();
      response.body().close();

      long abortedAt = slow.abortedAtNanos.get(3, TimeUnit.SECONDS);
      long afterMs = (abortedAt - leftAt) / 1_000_000;
      assertTrue(
          slow.sent.get() < 200,
          "the vendor did not have to stream to its end: " + slow.sent.get());
      assertTrue(
          afterMs < 1_000, "the vendor saw the abort " + afterMs + " ms after the caller left");
    }
  }
}
