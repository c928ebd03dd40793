package io.openassist.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import io.openassist.testing.VendorStub;
import jakarta.json.JsonObject;

/**
 * What the conversation tests share: an organisation on the companion assistant-service with an
 * assistant (on the stubbed OpenAI) its member may VIEW, and the vendor stub answering.
 */
final class ConversationFixture {

  static final String INSTRUCTIONS = "You answer in one sentence.";

  final HttpApi anonymous = new HttpApi();
  final HttpApi assistantService = AssistantServiceCompanion.api();
  final Tenant tenant;
  final String assistantId;
  final WireMockServer vendor = VendorStub.fresh();

  ConversationFixture(String name) {
    tenant = Tenant.onboard(assistantService, name);
    assistantId = assistant(tenant.adminKey());
    grant(assistantId, tenant.memberId(), "VIEW");
    answer("Hello from the stub");
  }

  static void resetSchemas() {
    Tenant.resetAssistantSchema();
    TestDatabase.execute(
        "TRUNCATE conversation.conversation, conversation.idempotency_key CASCADE");
  }

  HttpApi member() {
    return anonymous.as(tenant.memberKey());
  }

  HttpApi admin() {
    return anonymous.as(tenant.adminKey());
  }

  String assistant(String adminKey) {
    return Tenant.createAssistant(
        assistantService,
        adminKey,
        "{\"model\": \"gpt-4o\", \"instructions\": \"" + INSTRUCTIONS + "\"}");
  }

  void grant(String assistant, String userId, String permission) {
    tenant.grant(assistantService, assistant, userId, permission);
  }

  /** The stub answers every chat completion with this text. */
  void answer(String text) {
    vendor.resetAll();
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer sk-test-openai-not-a-secret"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(VendorStub.openAiAnswer(text))));
  }

  /** The stub answers every chat completion as a stream of these pieces, then usage (7 tokens). */
  void answerStreamed(String... pieces) {
    answerStreamed(0, pieces);
  }

  /** As {@link #answerStreamed(String...)}, the body dribbled out over {@code millis}. */
  void answerStreamedSlowly(int millis, String... pieces) {
    answerStreamed(millis, pieces);
  }

  private void answerStreamed(int millis, String... pieces) {
    String chunk =
        "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";
    StringBuilder body = new StringBuilder();
    for (String piece : pieces) {
      body.append(chunk.formatted(piece));
    }
    body.append(
            "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n")
        .append("data: [DONE]\n\n");
    vendor.resetAll();
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions"))
            .willReturn(
                millis > 0
                    ? aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body.toString())
                        .withChunkedDribbleDelay(pieces.length, millis)
                    : aResponse()
                        .withHeader("Content-Type", "text/event-stream")
                        .withBody(body.toString())));
  }

  /** The stub fails every chat completion with this status. */
  void fail(int status) {
    vendor.resetAll();
    vendor.stubFor(
        post(urlEqualTo("/openai/v1/chat/completions"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": {\"message\": \"boom\", \"type\": \"server_error\"}}")));
  }

  /** A turn's request by the member: {@code said} as the message, streamed or not. */
  java.net.http.HttpRequest.Builder turnRequest(String conversation, String said, boolean stream) {
    return java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(
                io.openassist.testing.ServiceUnderTest.baseUrl()
                    + "/v1/conversations/"
                    + conversation
                    + "/messages"))
        .header("Authorization", "Bearer " + tenant.memberKey())
        .header("Content-Type", "application/json")
        .header("Accept", stream ? "text/event-stream" : "application/json")
        .POST(
            java.net.http.HttpRequest.BodyPublishers.ofString(
                stream ? "{\"stream\": true, " + text(said).substring(1) : text(said)));
  }

  String conversation(HttpApi caller) {
    ApiResponse created =
        caller.post(
            "/v1/conversations",
            "{\"assistant_id\": \"" + assistantId + "\", \"title\": \"Trip\"}");
    assertEquals(201, created.status(), created::toString);
    return created.json().getString("id");
  }

  /**
   * An import body of one chain of {@code n} messages, ids {@code prefix0..}, each the child of the
   * one before, user and assistant in turn, the text of message i being {@code "n" + i}.
   */
  static String chain(String prefix, int n) {
    StringBuilder tree = new StringBuilder("{\"messages\": [");
    for (int i = 0; i < n; i++) {
      tree.append(i == 0 ? "" : ",")
          .append("{\"id\": \"")
          .append(prefix)
          .append(i)
          .append(i == 0 ? "\"" : "\", \"parent_id\": \"" + prefix + (i - 1) + "\"")
          .append(", \"role\": \"")
          .append(i % 2 == 0 ? "user" : "assistant")
          .append("\", \"parts\": [{\"type\": \"text\", \"text\": \"n")
          .append(i)
          .append("\"}]}");
    }
    return tree.append("]}").toString();
  }

  static String text(String text) {
    return "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"" + text + "\"}]}}";
  }

  static String reply(String text, String parent) {
    return "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \""
        + text
        + "\"}]}, \"parent_message_id\": \""
        + parent
        + "\"}";
  }

  /** The chat the vendor received last, as JSON. */
  JsonObject lastVendorRequest() {
    var requests = vendor.getAllServeEvents();
    return jakarta.json.Json.createReader(
            new java.io.StringReader(requests.get(0).getRequest().getBodyAsString()))
        .readObject();
  }
}
