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
import com.github.tomakehurst.wiremock.http.Fault;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor failures as our callers see them: mapped to our statuses and codes, retried where a retry
 * can help (and only then), never leaking the vendor's body or our key, and recorded as failed.
 */
class RunFaultsIT {

  private static final String OPENAI = "/openai/v1/chat/completions";
  private static final String CHAT = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

  private WireMockServer vendor;
  private HttpApi admin;
  private String assistantId;

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    Tenant tenant = Tenant.onboard(new HttpApi(), "Faults " + System.nanoTime());
    admin = new HttpApi().as(tenant.adminKey());
    ApiResponse created = admin.post("/v1/assistants", "{\"model\": \"gpt-4o\"}");
    assertEquals(200, created.status(), created::toString);
    assistantId = created.json().getString("id");
  }

  private ApiResponse run() {
    return admin.post("/v1/assistants/" + assistantId + "/run", CHAT);
  }

  private int upstreamCalls(String url) {
    return vendor.findAll(postRequestedFor(urlEqualTo(url))).size();
  }

  private void assertRecordedFailure(String code) {
    assertEquals(
        1L,
        TestDatabase.count(
            "SELECT count(*) FROM assistant.run WHERE assistant_id = ? AND outcome = 'FAILED' AND error_code = ?",
            assistantId,
            code));
  }

  @Test
  void aRateLimitIsA429WithTheVendorsRetryAfterAndIsNotRetriedWhenTheWaitIsLong() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\": {\"message\": \"Rate limit reached for sk-live-abcdef123456\", \"type\": \"requests\"}}")));
    ApiResponse run = run();
    assertEquals(429, run.status(), run::toString);
    assertEquals("30", run.header("Retry-After"));
    assertEquals("upstream_rate_limited", run.json().getString("code"));
    assertFalse(run.body().contains("sk-live"), run::toString);
    assertEquals(1, upstreamCalls(OPENAI), "a 30 s wait is longer than the retry budget");
    assertRecordedFailure("upstream_rate_limited");
  }

  @Test
  void aShortRetryAfterIsHonouredAndTheRetrySucceeds() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .inScenario("limited")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "300"))
            .willSetStateTo("free"));
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .inScenario("limited")
            .whenScenarioStateIs("free")
            .willReturn(okJson(VendorStub.openAiAnswer("ok"))));
    long start = System.nanoTime();
    ApiResponse run = run();
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, run.status(), run::toString);
    assertEquals(2, upstreamCalls(OPENAI));
    assertTrue(tookMs >= 300, "waited as retry-after-ms said: " + tookMs + " ms");
  }

  @Test
  void serverErrorsAreRetriedTwiceThenA502() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
    ApiResponse run = run();
    assertEquals(502, run.status(), run::toString);
    assertEquals("upstream_failed", run.json().getString("code"));
    assertFalse(run.body().contains("html"), run::toString);
    assertEquals(3, upstreamCalls(OPENAI), "one call and two retries");
    assertRecordedFailure("upstream_failed");
  }

  @Test
  void anOverloaded529FromAnthropicIsRetriedThenA502() {
    vendor.stubFor(
        post(urlEqualTo("/anthropic/v1/messages"))
            .willReturn(
                aResponse()
                    .withStatus(529)
                    .withBody(
                        "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}")));
    ApiResponse run =
        admin.post(
            "/v1/assistants/" + assistantId + "/run",
            "{\"model\": \"anthropic/claude-sonnet-4-5\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(502, run.status(), run::toString);
    assertEquals(3, upstreamCalls("/anthropic/v1/messages"));
  }

  @Test
  void ourKeyBeingRefusedIsA502ForTheOperatorWithoutTheVendorsBody() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\": {\"message\": \"Incorrect API key provided: sk-test-openai-not-a-secret\", \"code\": \"invalid_api_key\"}}")));
    ApiResponse run = run();
    assertEquals(502, run.status(), run::toString);
    assertEquals("upstream_misconfigured", run.json().getString("code"));
    assertFalse(run.body().contains("not-a-secret"), run::toString);
    assertFalse(run.body().contains("Incorrect"), run::toString);
    assertEquals(1, upstreamCalls(OPENAI), "never retried");
  }

  @Test
  void anExhaustedQuotaIsNotRetried() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody(
                        "{\"error\": {\"message\": \"You exceeded your current quota\", \"type\": \"insufficient_quota\", \"code\": \"insufficient_quota\"}}")));
    ApiResponse run = run();
    assertEquals(502, run.status(), run::toString);
    assertEquals("upstream_misconfigured", run.json().getString("code"));
    assertEquals(1, upstreamCalls(OPENAI));
  }

  @Test
  void aVendor400IsOursWithItsMessageSanitised() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\": {\"message\": \"This model's maximum context length is 128000 tokens.\", \"code\": \"context_length_exceeded\"}}")));
    ApiResponse run = run();
    assertEquals(400, run.status(), run::toString);
    assertEquals("upstream_rejected", run.json().getString("code"));
    assertTrue(
        run.json().getString("detail").contains("maximum context length is 128000 tokens"),
        run::toString);
    assertEquals(1, upstreamCalls(OPENAI));
  }

  @Test
  void malformedJsonIsA502() {
    vendor.stubFor(post(urlEqualTo(OPENAI)).willReturn(okJson("{\"choices\": [")));
    ApiResponse run = run();
    assertEquals(502, run.status(), run::toString);
    assertEquals("upstream_failed", run.json().getString("code"));
  }

  @Test
  void aVendorThatDoesNotAnswerInTimeIsA504() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(okJson(VendorStub.openAiAnswer("late")).withFixedDelay(3_000)));
    ApiResponse run = run();
    assertEquals(504, run.status(), run::toString);
    assertEquals("upstream_timeout", run.json().getString("code"));
    assertEquals(1, upstreamCalls(OPENAI), "a timeout is not retried");
    assertRecordedFailure("upstream_timeout");
  }

  @Test
  void anUnreachableVendorIsA502AfterRetries() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    ApiResponse run = run();
    assertEquals(502, run.status(), run::toString);
    assertEquals(3, upstreamCalls(OPENAI));
  }

  @Test
  void anOpenCircuitFailsFastWithoutCallingTheVendor() {
    String flaky = "/flaky/v1/chat/completions";
    vendor.stubFor(post(urlEqualTo(flaky)).willReturn(aResponse().withStatus(500)));
    String body =
        "{\"model\": \"flaky/gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    assertEquals(502, admin.post("/v1/assistants/" + assistantId + "/run", body).status());
    assertEquals(502, admin.post("/v1/assistants/" + assistantId + "/run", body).status());
    ApiResponse open = admin.post("/v1/assistants/" + assistantId + "/run", body);
    assertEquals(503, open.status(), open::toString);
    assertEquals("upstream_unavailable", open.json().getString("code"));
    assertTrue(open.header("Retry-After") != null, open::toString);
    assertEquals(2, upstreamCalls(flaky), "the third call never left");
  }
}
