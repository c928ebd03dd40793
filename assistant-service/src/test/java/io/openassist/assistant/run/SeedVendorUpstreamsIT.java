package io.openassist.assistant.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openassist.common.web.json.Jsonp;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.Tenant;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed vendors as upstreams: a meinGPT assistant (its run endpoint) and a Flowise chatflow (its
 * prediction API), against stubs of their documented shapes.
 */
class SeedVendorUpstreamsIT {

  private static final String MEINGPT = "/meingpt/api/assistants/v1/mg_assistant_1/run";
  private static final String FLOWISE = "/flowise/api/v1/prediction/flow-42";
  private static final String CHAT =
      """
      {"messages": [{"role": "user", "content": "Who wrote Faust?"},
                    {"role": "assistant", "content": "Goethe."},
                    {"role": "user", "content": "When?"}]}
      """;

  private WireMockServer vendor;
  private Tenant tenant;
  private HttpApi admin;

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    tenant = Tenant.onboard(new HttpApi(), "Seeds " + System.nanoTime());
    admin = new HttpApi().as(tenant.adminKey());
  }

  private String assistant(String model) {
    ApiResponse created =
        admin.post(
            "/v1/assistants",
            "{\"model\": \"" + model + "\", \"instructions\": \"Answer in German.\"}");
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("id");
  }

  private static JsonObject parse(String json) {
    return Jsonp.reader(new StringReader(json)).readObject();
  }

  private String stream(String assistantId) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            ServiceUnderTest.baseUrl() + "/v1/assistants/" + assistantId + "/run"))
                    .header("Authorization", "Bearer " + tenant.adminKey())
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    return response.body();
  }

  @Test
  void runsOnAMeinGptAssistantWithItsKeyAndPassesItsAnswerOn() {
    vendor.stubFor(
        post(urlEqualTo(MEINGPT))
            .willReturn(
                okJson(
                    """
                    {"text": "Um 1808.", "model": "gpt-4o",
                     "messages": [{"role": "assistant", "content": "Um 1808.", "reasoning": "Faust I erschien 1808."}],
                     "usage": {"prompt_tokens": 20, "completion_tokens": 4, "total_tokens": 24},
                     "citations": ["faust.pdf"]}
                    """)));
    String id = assistant("meingpt/mg_assistant_1");

    ApiResponse run = admin.post("/v1/assistants/" + id + "/run", CHAT);

    assertEquals(200, run.status(), run::toString);
    JsonObject body = run.json();
    assertEquals("Um 1808.", body.getString("text"));
    assertEquals("gpt-4o", body.getString("model"));
    assertEquals("faust.pdf", body.getJsonArray("citations").getString(0));
    assertEquals(24, body.getJsonObject("usage").getInt("total_tokens"));
    assertEquals(
        "Faust I erschien 1808.",
        body.getJsonArray("messages").getJsonObject(0).getString("reasoning"));

    LoggedRequest received = vendor.findAll(postRequestedFor(urlEqualTo(MEINGPT))).get(0);
    assertEquals("Bearer sk_meingpt_test_not_a_secret", received.getHeader("Authorization"));
    JsonArray messages = parse(received.getBodyAsString()).getJsonArray("messages");
    assertEquals(4, messages.size());
    assertEquals("system", messages.getJsonObject(0).getString("role"));
    assertEquals("Answer in German.", messages.getJsonObject(0).getString("content"));
    assertEquals("When?", messages.getJsonObject(3).getString("content"));
  }

  @Test
  void aStreamedMeinGptRunGetsTheWholeAnswerAsOneDelta() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(MEINGPT))
            .willReturn(
                okJson(
                    "{\"text\": \"Um 1808.\", \"model\": \"m\", \"messages\": [], \"usage\": {}, \"citations\": []}")));
    String events = stream(assistant("meingpt/mg_assistant_1"));
    assertTrue(events.contains("event: run.delta\ndata: {\"id\""), events);
    assertTrue(events.contains("\"text\":\"Um 1808.\""), events);
    assertTrue(events.contains("event: run.completed"), events);
  }

  @Test
  void meinGptRefusingOurKeyIsA502ForTheOperator() {
    vendor.stubFor(
        post(urlEqualTo(MEINGPT))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"status\": \"error\", \"message\": \"Assistant not available\"}")));
    ApiResponse run =
        admin.post("/v1/assistants/" + assistant("meingpt/mg_assistant_1") + "/run", CHAT);
    assertEquals(502, run.status(), run::toString);
    assertEquals("upstream_misconfigured", run.json().getString("code"));
  }

  @Test
  void runsOnAFlowiseChatflowWithQuestionAndHistory() {
    vendor.stubFor(
        post(urlEqualTo(FLOWISE))
            .willReturn(
                okJson(
                    """
                    {"text": "1808 erschien Faust I.", "question": "When?", "chatId": "c1", "chatMessageId": "m1",
                     "sourceDocuments": [{"pageContent": "...", "metadata": {"source": "goethe.txt"}},
                                         {"pageContent": "...", "metadata": {"source": "goethe.txt"}}]}
                    """)));
    String id = assistant("flowise/flow-42");

    ApiResponse run = admin.post("/v1/assistants/" + id + "/run", CHAT);

    assertEquals(200, run.status(), run::toString);
    assertEquals("1808 erschien Faust I.", run.json().getString("text"));
    assertEquals(1, run.json().getJsonArray("citations").size());
    assertEquals("goethe.txt", run.json().getJsonArray("citations").getString(0));
    LoggedRequest received = vendor.findAll(postRequestedFor(urlEqualTo(FLOWISE))).get(0);
    assertEquals("Bearer flowise-test-key-not-a-secret", received.getHeader("Authorization"));
    JsonObject sent = parse(received.getBodyAsString());
    assertEquals("When?", sent.getString("question"));
    assertFalse(sent.getBoolean("streaming"));
    JsonArray history = sent.getJsonArray("history");
    assertEquals(2, history.size());
    assertEquals("userMessage", history.getJsonObject(0).getString("role"));
    assertEquals("Who wrote Faust?", history.getJsonObject(0).getString("content"));
    assertEquals("apiMessage", history.getJsonObject(1).getString("role"));
  }

  @Test
  void streamsFlowiseTokensAsDeltas() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(FLOWISE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        "data: {\"event\":\"start\",\"data\":\"\"}\n\n"
                            + "data: {\"event\":\"token\",\"data\":\"Im Jahr \"}\n\n"
                            + "data: {\"event\":\"token\",\"data\":\"1808.\"}\n\n"
                            + "data: {\"event\":\"metadata\",\"data\":{\"chatId\":\"c1\"}}\n\n"
                            + "data: {\"event\":\"end\",\"data\":\"[DONE]\"}\n\n")));
    String events = stream(assistant("flowise/flow-42"));
    assertTrue(events.contains("\"text\":\"Im Jahr \""), events);
    assertTrue(events.contains("event: run.completed"), events);
    assertTrue(events.contains("\"text\":\"Im Jahr 1808.\""), events);
    assertTrue(
        parse(vendor.findAll(postRequestedFor(urlEqualTo(FLOWISE))).get(0).getBodyAsString())
            .getBoolean("streaming"));
  }

  @Test
  void aFlowiseErrorEventEndsTheStreamInRunFailed() throws Exception {
    vendor.stubFor(
        post(urlEqualTo(FLOWISE))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(
                        "data: {\"event\":\"token\",\"data\":\"Im\"}\n\n"
                            + "data: {\"event\":\"error\",\"data\":\"LLM quota exceeded\"}\n\n")));
    String events = stream(assistant("flowise/flow-42"));
    assertTrue(events.contains("event: run.failed"), events);
    assertTrue(events.contains("upstream_failed"), events);
    assertFalse(events.contains("quota exceeded"), "the vendor's error text is not passed on");
  }
}
