package io.openassist.assistant.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openassist.common.web.json.Jsonp;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Running an assistant through the native path against wire-level stubs of each vendor: what the
 * vendor received (model, instructions, messages in order, tools, the auth header form), what our
 * caller got back, and the run recorded in PostgreSQL.
 */
class RunIT {

  private static final String OPENAI = "/openai/v1/chat/completions";
  private static final String ANTHROPIC = "/anthropic/v1/messages";

  private WireMockServer vendor;
  private Tenant tenant;
  private HttpApi admin;

  @BeforeEach
  void freshTenantAndVendor() {
    vendor = VendorStub.fresh();
    tenant = Tenant.onboard(new HttpApi(), "Runs " + System.nanoTime());
    admin = new HttpApi().as(tenant.adminKey());
  }

  private String assistant(String json) {
    ApiResponse created = admin.post("/v1/assistants", json);
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("id");
  }

  private static JsonObject parse(String json) {
    return Jsonp.reader(new StringReader(json)).readObject();
  }

  @Test
  void runsOnOpenAiWithInstructionsFirstAndRecordsTheRun() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("Jupiter."))));
    String id =
        assistant(
            """
            {"model": "gpt-4o", "instructions": "You are an astronomy tutor.", "temperature": 0.5,
             "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}},
                       {"type": "code_interpreter"}]}
            """);

    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            """
            {"messages": [{"role": "user", "content": "Largest planet?"},
                          {"role": "assistant", "content": "Let me think."},
                          {"role": "user", "content": [{"type": "text", "text": "One word"}, {"type": "text", "text": ", please."}]}],
             "max_tokens": 50}
            """);

    assertEquals(200, run.status(), run::toString);
    JsonObject body = run.json();
    assertTrue(body.getString("id").startsWith("run_"), body::toString);
    assertEquals("assistant.run", body.getString("object"));
    assertEquals("Jupiter.", body.getString("text"));
    assertEquals("gpt-4o-2024-08-06", body.getString("model"));
    assertEquals("stop", body.getString("finish_reason"));
    assertEquals(0, body.getJsonArray("citations").size());
    JsonObject message = body.getJsonArray("messages").getJsonObject(0);
    assertEquals("assistant", message.getString("role"));
    assertEquals("Jupiter.", message.getString("content"));
    JsonObject usage = body.getJsonObject("usage");
    assertEquals(12, usage.getInt("prompt_tokens"));
    assertEquals(5, usage.getInt("completion_tokens"));
    assertEquals(17, usage.getInt("total_tokens"));
    assertEquals(4, usage.getInt("cached_tokens"));
    assertEquals(2, usage.getInt("reasoning_tokens"));

    List<LoggedRequest> received = vendor.findAll(postRequestedFor(urlEqualTo(OPENAI)));
    assertEquals(1, received.size());
    assertEquals("Bearer sk-test-openai-not-a-secret", received.get(0).getHeader("Authorization"));
    JsonObject sent = parse(received.get(0).getBodyAsString());
    assertEquals("gpt-4o", sent.getString("model"));
    assertEquals(0.5, sent.getJsonNumber("temperature").doubleValue());
    assertEquals(50, sent.getInt("max_tokens"));
    JsonArray messages = sent.getJsonArray("messages");
    assertEquals(4, messages.size());
    assertEquals("system", messages.getJsonObject(0).getString("role"));
    assertEquals("You are an astronomy tutor.", messages.getJsonObject(0).getString("content"));
    assertEquals("Largest planet?", messages.getJsonObject(1).getString("content"));
    assertEquals("assistant", messages.getJsonObject(2).getString("role"));
    assertEquals("One word, please.", messages.getJsonObject(3).getString("content"));
    JsonArray tools = sent.getJsonArray("tools");
    assertEquals(1, tools.size(), "only function tools go to the vendor");
    assertEquals("lookup", tools.getJsonObject(0).getJsonObject("function").getString("name"));
    assertFalse(sent.containsKey("stream"));

    String runId = body.getString("id");
    assertEquals(
        "SUCCEEDED", TestDatabase.value("SELECT outcome FROM assistant.run WHERE id = ?", runId));
    assertEquals(
        "openai", TestDatabase.value("SELECT provider FROM assistant.run WHERE id = ?", runId));
    assertEquals(
        "gpt-4o", TestDatabase.value("SELECT model FROM assistant.run WHERE id = ?", runId));
    assertEquals(
        17L, TestDatabase.value("SELECT total_tokens FROM assistant.run WHERE id = ?", runId));
    assertEquals(
        tenant.adminId(),
        TestDatabase.value("SELECT user_id FROM assistant.run WHERE id = ?", runId));
  }

  @Test
  void answersToolCallsAndTakesToolResultsBack() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .willReturn(
                okJson(
                    """
                    {"id": "c", "object": "chat.completion", "model": "gpt-4o",
                     "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant", "content": null,
                       "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Bonn\\"}"}}]}}],
                     "usage": {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}}
                    """)));
    String id = assistant("{\"model\": \"gpt-4o\"}");

    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            """
            {"messages": [{"role": "user", "content": "Weather in Bonn?"},
                          {"role": "assistant", "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": "weather", "arguments": "{}"}}]},
                          {"role": "tool", "tool_call_id": "call_0", "content": "sunny"}],
             "tools": [{"type": "function", "function": {"name": "weather"}}],
             "tool_choice": {"type": "function", "function": {"name": "weather"}}}
            """);

    assertEquals(200, run.status(), run::toString);
    assertEquals("tool_calls", run.json().getString("finish_reason"));
    JsonObject call =
        run.json()
            .getJsonArray("messages")
            .getJsonObject(0)
            .getJsonArray("tool_calls")
            .getJsonObject(0);
    assertEquals("call_1", call.getString("id"));
    assertEquals("weather", call.getJsonObject("function").getString("name"));
    assertEquals("{\"city\":\"Bonn\"}", call.getJsonObject("function").getString("arguments"));

    JsonObject sent =
        parse(vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).get(0).getBodyAsString());
    JsonArray messages = sent.getJsonArray("messages");
    assertEquals(
        "call_0",
        messages.getJsonObject(1).getJsonArray("tool_calls").getJsonObject(0).getString("id"));
    assertEquals("tool", messages.getJsonObject(2).getString("role"));
    assertEquals("call_0", messages.getJsonObject(2).getString("tool_call_id"));
    assertEquals(
        "weather", sent.getJsonObject("tool_choice").getJsonObject("function").getString("name"));
  }

  @Test
  void aToolChoiceWithoutToolsIsNotSentToOpenAi() {
    vendor.stubFor(post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("ok"))));
    String id = assistant("{\"model\": \"gpt-4o\", \"tools\": [{\"type\": \"code_interpreter\"}]}");
    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"tool_choice\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(200, run.status(), run::toString);
    JsonObject sent =
        parse(vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).get(0).getBodyAsString());
    assertFalse(sent.containsKey("tool_choice"), sent::toString);
    assertFalse(sent.containsKey("tools"), sent::toString);
  }

  @Test
  void runsOnAnthropicWithSystemPromptAndToolBlocks() {
    vendor.stubFor(
        post(urlEqualTo(ANTHROPIC))
            .willReturn(
                okJson(
                    """
                    {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                     "content": [{"type": "thinking", "thinking": "Hmm.", "signature": "x"},
                                 {"type": "text", "text": "Checking."},
                                 {"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {"city": "Bonn"}}],
                     "stop_reason": "tool_use",
                     "usage": {"input_tokens": 10, "output_tokens": 6, "cache_read_input_tokens": 3}}
                    """)));
    String id =
        assistant(
            """
            {"model": "anthropic/claude-sonnet-4-5", "instructions": "Be brief.",
             "tools": [{"type": "function", "function": {"name": "weather", "description": "Weather",
                        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]}
            """);

    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            """
            {"messages": [{"role": "user", "content": "Weather?"},
                          {"role": "assistant", "content": "Which city?"},
                          {"role": "user", "content": "Bonn"},
                          {"role": "assistant", "tool_calls": [{"id": "toolu_0", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Bonn\\"}"}}]},
                          {"role": "tool", "tool_call_id": "toolu_0", "content": "sunny"}],
             "tool_choice": "required"}
            """);

    assertEquals(200, run.status(), run::toString);
    JsonObject body = run.json();
    assertEquals("tool_calls", body.getString("finish_reason"));
    assertEquals("Checking.", body.getString("text"));
    JsonObject message = body.getJsonArray("messages").getJsonObject(0);
    assertEquals("Hmm.", message.getString("reasoning"));
    JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
    assertEquals("toolu_1", call.getString("id"));
    assertEquals("{\"city\":\"Bonn\"}", call.getJsonObject("function").getString("arguments"));
    assertEquals(
        13, body.getJsonObject("usage").getInt("prompt_tokens"), "cached tokens count as prompt");
    assertEquals(3, body.getJsonObject("usage").getInt("cached_tokens"));
    assertEquals(19, body.getJsonObject("usage").getInt("total_tokens"));

    LoggedRequest received = vendor.findAll(postRequestedFor(urlEqualTo(ANTHROPIC))).get(0);
    assertEquals("sk-ant-test-not-a-secret", received.getHeader("x-api-key"));
    assertEquals("2023-06-01", received.getHeader("anthropic-version"));
    assertNull(received.getHeader("Authorization"));
    JsonObject sent = parse(received.getBodyAsString());
    assertEquals("claude-sonnet-4-5", sent.getString("model"));
    assertEquals("Be brief.", sent.getString("system"));
    assertEquals(4096, sent.getInt("max_tokens"));
    assertEquals("any", sent.getJsonObject("tool_choice").getString("type"));
    JsonObject tool = sent.getJsonArray("tools").getJsonObject(0);
    assertEquals("weather", tool.getString("name"));
    assertEquals("object", tool.getJsonObject("input_schema").getString("type"));
    JsonArray messages = sent.getJsonArray("messages");
    assertEquals(5, messages.size());
    JsonObject toolUse = messages.getJsonObject(3).getJsonArray("content").getJsonObject(0);
    assertEquals("tool_use", toolUse.getString("type"));
    assertEquals("Bonn", toolUse.getJsonObject("input").getString("city"));
    JsonObject toolResult = messages.getJsonObject(4).getJsonArray("content").getJsonObject(0);
    assertEquals("user", messages.getJsonObject(4).getString("role"));
    assertEquals("tool_result", toolResult.getString("type"));
    assertEquals("toolu_0", toolResult.getString("tool_use_id"));
  }

  @Test
  void runsOnAzureWithTheDeploymentUrlAndApiKeyHeader() {
    vendor.stubFor(
        post(urlPathEqualTo("/azure/openai/deployments/my-gpt4o/chat/completions"))
            .willReturn(okJson(VendorStub.openAiAnswer("Hallo."))));
    String id = assistant("{\"model\": \"azure/my-gpt4o\"}");

    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");

    assertEquals(200, run.status(), run::toString);
    assertEquals("Hallo.", run.json().getString("text"));
    LoggedRequest received =
        vendor
            .findAll(
                postRequestedFor(
                    urlPathEqualTo("/azure/openai/deployments/my-gpt4o/chat/completions")))
            .get(0);
    assertEquals("azure-test-key-not-a-secret", received.getHeader("api-key"));
    assertEquals("2024-10-21", received.queryParameter("api-version").firstValue());
    assertNull(received.getHeader("Authorization"));
  }

  @Test
  void aRunsModelOverridesTheAssistantsWithinAvailableModels() {
    vendor.stubFor(
        post(urlEqualTo(ANTHROPIC))
            .willReturn(
                okJson(
                    "{\"type\": \"message\", \"model\": \"claude-haiku-4-5\", \"content\": [{\"type\": \"text\", \"text\": \"ok\"}],"
                        + " \"stop_reason\": \"end_turn\", \"usage\": {\"input_tokens\": 1, \"output_tokens\": 1}}")));
    String id =
        assistant(
            """
            {"model": "gpt-4o", "available_models": [{"id": "gpt-4o", "provider": "openai"},
                                                     {"id": "claude-haiku-4-5", "provider": "anthropic"}]}
            """);

    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"model\": \"claude-haiku-4-5\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(200, run.status(), run::toString);
    assertEquals("claude-haiku-4-5", run.json().getString("model"));

    ApiResponse outside =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"model\": \"openai/gpt-3.5-turbo\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(400, outside.status(), outside::toString);
    assertEquals("model_not_available", outside.json().getString("code"));
    assertEquals(
        "model", outside.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(1, vendor.findAll(postRequestedFor(urlEqualTo(ANTHROPIC))).size());
    assertEquals(0, vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).size());
  }

  @Test
  void refusesModelsNoProviderMayServe() {
    String id = assistant("{\"model\": \"gpt-4o\"}");
    vendor.stubFor(post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("ok"))));
    // "nowhere" is no provider, so the whole string is a model id of the default provider.
    ApiResponse slashInModelId =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"model\": \"nowhere/gpt-4o\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(200, slashInModelId.status(), slashInModelId::toString);
    assertEquals(
        "nowhere/gpt-4o",
        parse(vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).get(0).getBodyAsString())
            .getString("model"));
    ApiResponse notAllowed =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"model\": \"limited/other-model\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(400, notAllowed.status(), notAllowed::toString);
    assertEquals("model_not_allowed", notAllowed.json().getString("code"));
    assertEquals(
        0, vendor.findAll(postRequestedFor(urlEqualTo("/limited/v1/chat/completions"))).size());
  }

  @Test
  void anotherOrganisationsAssistantIsNotFoundAndNothingGoesUpstream() {
    String id = assistant("{\"model\": \"gpt-4o\"}");
    Tenant other = Tenant.onboard(new HttpApi(), "Other " + System.nanoTime());
    ApiResponse foreign =
        new HttpApi()
            .as(other.adminKey())
            .post(
                "/v1/assistants/" + id + "/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    ApiResponse missing =
        new HttpApi()
            .as(other.adminKey())
            .post(
                "/v1/assistants/asst_missing/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(404, foreign.status(), foreign::toString);
    assertEquals(missing.problemWithoutRequestId(), foreign.problemWithoutRequestId());
    ApiResponse member =
        new HttpApi()
            .as(tenant.memberKey())
            .post(
                "/v1/assistants/" + id + "/run",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(404, member.status(), "a member without VIEW does not see the assistant");
    assertEquals(0, vendor.getAllServeEvents().size());
    assertEquals(
        0L, TestDatabase.count("SELECT count(*) FROM assistant.run WHERE assistant_id = ?", id));
  }

  @Test
  void badMessagesAreRefusedWithTheFieldNamedAndNothingRuns() {
    String id = assistant("{\"model\": \"gpt-4o\"}");
    String[][] cases = {
      {"{}", "messages"},
      {"{\"messages\": []}", "messages"},
      {"{\"messages\": [{\"role\": \"wizard\", \"content\": \"Hi\"}]}", "messages[0].role"},
      {"{\"messages\": [{\"role\": \"user\"}]}", "messages[0].content"},
      {"{\"messages\": [{\"role\": \"user\", \"content\": 5}]}", "messages[0].content"},
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}",
        "messages[0].content[0]"
      },
      {"{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}", "messages[0].tool_call_id"},
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"temperature\": 3}",
        "temperature"
      },
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tool_choice\": \"always\"}",
        "tool_choice"
      },
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tools\": [{\"type\": \"code_interpreter\"}]}",
        "tools[0]"
      },
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": \"nope\"}}}",
        "tool_choice.function.name"
      },
      {"{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"model\": 5}", "model"},
      {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"surprise\": true}",
        "surprise"
      },
    };
    for (String[] c : cases) {
      ApiResponse refused = admin.post("/v1/assistants/" + id + "/run", c[0]);
      assertEquals(400, refused.status(), () -> c[0] + " -> " + refused);
      assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
      assertTrue(
          refused.body().contains("\"" + c[1] + "\""),
          () -> c[0] + " should name " + c[1] + ": " + refused);
    }
    assertEquals(0, vendor.getAllServeEvents().size());
    assertEquals(
        0L, TestDatabase.count("SELECT count(*) FROM assistant.run WHERE assistant_id = ?", id));
  }

  @Test
  void providersAreListedForAdminsWithoutKeys() {
    ApiResponse listed = admin.get("/v1/providers");
    assertEquals(200, listed.status(), listed::toString);
    assertFalse(listed.body().contains("not-a-secret"), "no key is ever answered");
    assertFalse(listed.body().contains("localhost"), "no endpoint is answered");
    JsonArray data = listed.json().getJsonArray("data");
    JsonObject openai = data.getJsonObject(0);
    assertEquals("openai", openai.getString("id"));
    assertEquals("openai", openai.getString("type"));
    assertTrue(openai.getBoolean("is_default"));
    assertEquals("azure-openai", data.getJsonObject(1).getString("type"));
    assertEquals("allowed-model", data.getJsonObject(3).getJsonArray("models").getString(0));

    ApiResponse member = new HttpApi().as(tenant.memberKey()).get("/v1/providers");
    assertEquals(403, member.status(), member::toString);
  }

  @Test
  void aConnectionResetIsRetriedAndThenAnswersTheVendorsAnswer() {
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .inScenario("reset")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("recovered"));
    vendor.stubFor(
        post(urlEqualTo(OPENAI))
            .inScenario("reset")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(VendorStub.openAiAnswer("Back."))));
    String id = assistant("{\"model\": \"gpt-4o\"}");
    ApiResponse run =
        admin.post(
            "/v1/assistants/" + id + "/run",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
    assertEquals(200, run.status(), run::toString);
    assertEquals("Back.", run.json().getString("text"));
    assertEquals(2, vendor.findAll(postRequestedFor(urlEqualTo(OPENAI))).size());
  }

  @Test
  void listsRunRecordsToAdminsAndToEachUserTheirOwn() {
    vendor.stubFor(post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("ok"))));
    String id = assistant("{\"model\": \"gpt-4o\"}");
    ApiResponse grant =
        admin.post(
            "/v1/assistants/" + id + "/permissions",
            "{\"user_id\": \"" + tenant.memberId() + "\", \"permission\": \"VIEW\"}");
    assertEquals(200, grant.status(), grant::toString);
    HttpApi member = new HttpApi().as(tenant.memberKey());
    // Words no random id can contain (ids are base62: "Hi" turned up in one by chance).
    String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi, walrus-quokka here\"}]}";
    String adminsRun = admin.post("/v1/assistants/" + id + "/run", chat).json().getString("id");
    String membersRun = member.post("/v1/assistants/" + id + "/run", chat).json().getString("id");

    ApiResponse all = admin.get("/v1/runs?order=asc");
    assertEquals(200, all.status(), all::toString);
    JsonArray data = all.json().getJsonArray("data");
    assertEquals(2, data.size(), all::toString);
    assertEquals(adminsRun, data.getJsonObject(0).getString("id"));
    JsonObject record = data.getJsonObject(1);
    assertEquals(membersRun, record.getString("id"));
    assertEquals(tenant.memberId(), record.getString("user_id"));
    assertEquals("succeeded", record.getString("status"));
    assertEquals("openai", record.getString("provider"));
    assertEquals(17, record.getJsonObject("usage").getInt("total_tokens"));
    assertFalse(all.body().contains("walrus-quokka"), "no message content in run records");

    JsonArray own = member.get("/v1/runs").json().getJsonArray("data");
    assertEquals(1, own.size());
    assertEquals(membersRun, own.getJsonObject(0).getString("id"));
    assertEquals(
        0,
        member.get("/v1/runs?user_id=" + tenant.adminId()).json().getJsonArray("data").size(),
        "a member cannot list another user's runs");
    assertEquals(
        1, admin.get("/v1/runs?user_id=" + tenant.adminId()).json().getJsonArray("data").size());
    assertEquals(
        0,
        admin
            .get("/v1/runs?from=" + (System.currentTimeMillis() / 1000 + 3600))
            .json()
            .getJsonArray("data")
            .size());
    ApiResponse badFrom = admin.get("/v1/runs?from=yesterday");
    assertEquals(400, badFrom.status(), badFrom::toString);
    assertEquals("from", badFrom.json().getJsonArray("errors").getJsonObject(0).getString("field"));

    Tenant other = Tenant.onboard(new HttpApi(), "Other runs " + System.nanoTime());
    assertEquals(
        0, new HttpApi().as(other.adminKey()).get("/v1/runs").json().getJsonArray("data").size());
  }

  @Test
  void aggregatesUsageForAdminsInAllAndPerGroup() {
    vendor.stubFor(post(urlEqualTo(OPENAI)).willReturn(okJson(VendorStub.openAiAnswer("ok"))));
    String first = assistant("{\"model\": \"gpt-4o\"}");
    String second = assistant("{\"model\": \"gpt-4o-mini\"}");
    String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";
    assertEquals(200, admin.post("/v1/assistants/" + first + "/run", chat).status());
    assertEquals(200, admin.post("/v1/assistants/" + first + "/run", chat).status());
    assertEquals(200, admin.post("/v1/assistants/" + second + "/run", chat).status());

    ApiResponse all = admin.get("/v1/usage");
    assertEquals(200, all.status(), all::toString);
    JsonObject total = all.json().getJsonArray("data").getJsonObject(0);
    assertEquals(3, total.getInt("runs"));
    assertEquals(3, total.getInt("succeeded"));
    assertEquals(51, total.getInt("total_tokens"));
    assertEquals(12, total.getInt("cached_tokens"));

    JsonArray byAssistant = admin.get("/v1/usage?group_by=assistant").json().getJsonArray("data");
    assertEquals(2, byAssistant.size());
    assertEquals(first, byAssistant.getJsonObject(0).getString("key"), "largest use first");
    assertEquals(34, byAssistant.getJsonObject(0).getInt("total_tokens"));
    JsonArray byModel = admin.get("/v1/usage?group_by=model").json().getJsonArray("data");
    assertEquals("gpt-4o", byModel.getJsonObject(0).getString("key"));
    assertEquals(
        0,
        admin
            .get("/v1/usage?from=" + (System.currentTimeMillis() / 1000 + 60))
            .json()
            .getJsonArray("data")
            .size());

    ApiResponse badGroup = admin.get("/v1/usage?group_by=planet");
    assertEquals(400, badGroup.status(), badGroup::toString);
    assertEquals(
        "group_by", badGroup.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(403, new HttpApi().as(tenant.memberKey()).get("/v1/usage").status());
  }
}
