package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.reply;
import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversation turns through the real assistant-service (the companion) and a stubbed vendor: what
 * is stored, what the vendor receives, branching by edit and regeneration, reading branches,
 * failures that keep the user's message, and the database's refusal to change a message.
 */
@ExtendWith(AssistantServiceCompanion.class)
class ConversationTurnsIT {

  private ConversationFixture fx;
  private HttpApi member;
  private String conversation;

  @BeforeEach
  void aConversation() {
    ConversationFixture.resetSchemas();
    fx = new ConversationFixture("Turns");
    member = fx.member();
    conversation = fx.conversation(member);
  }

  private String messages() {
    return "/v1/conversations/" + conversation + "/messages";
  }

  @Test
  void aTurnStoresTheUserMessageAndTheReplyAndSendsTheInstructions() {
    ApiResponse turn = member.post(messages(), text("Where is Lisbon?"));
    assertEquals(201, turn.status(), turn::toString);
    JsonObject user = turn.json().getJsonObject("user_message");
    JsonObject reply = turn.json().getJsonObject("assistant_message");
    assertEquals("conversation.message", user.getString("object"));
    assertEquals("user", user.getString("role"));
    assertEquals("Where is Lisbon?", user.getJsonArray("parts").getJsonObject(0).getString("text"));
    assertTrue(user.isNull("parent_message_id"));
    assertEquals(1, user.getInt("children_count"));
    assertEquals("assistant", reply.getString("role"));
    assertEquals(user.getString("id"), reply.getString("parent_message_id"));
    assertEquals("completed", reply.getString("status"));
    assertEquals(
        "Hello from the stub", reply.getJsonArray("parts").getJsonObject(0).getString("text"));
    assertEquals("gpt-4o-2024-08-06", reply.getString("model_id"));
    assertEquals(17, reply.getJsonObject("usage").getInt("total_tokens"));
    assertEquals(1, reply.getInt("sibling_count"));
    assertEquals(fx.tenant.memberId(), user.getString("created_by"));

    JsonArray sent = fx.lastVendorRequest().getJsonArray("messages");
    assertEquals("system", sent.getJsonObject(0).getString("role"));
    assertEquals(ConversationFixture.INSTRUCTIONS, sent.getJsonObject(0).getString("content"));
    assertEquals("Where is Lisbon?", sent.getJsonObject(1).getString("content"));
    assertEquals(2, sent.size());

    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", conversation));
    JsonObject c = member.get("/v1/conversations/" + conversation).json();
    assertEquals(reply.getString("id"), c.getString("active_message_id"));
    assertEquals(2, c.getInt("message_count"));
  }

  @Test
  void theNextTurnSendsTheWholeActiveBranch() {
    member.post(messages(), text("First"));
    fx.answer("Second answer");
    ApiResponse second = member.post(messages(), text("Second"));
    assertEquals(201, second.status(), second::toString);
    JsonArray sent = fx.lastVendorRequest().getJsonArray("messages");
    assertEquals(List.of("system", "user", "assistant", "user"), roles(sent));
    assertEquals("Hello from the stub", sent.getJsonObject(2).getString("content"));

    JsonArray branch = member.get(messages()).json().getJsonArray("data");
    assertEquals(4, branch.size());
    assertEquals(
        "First", branch.getJsonObject(0).getJsonArray("parts").getJsonObject(0).getString("text"));
    assertEquals(
        "Second answer",
        branch.getJsonObject(3).getJsonArray("parts").getJsonObject(0).getString("text"));
  }

  @Test
  void anEditStartsABranchThatBecomesActiveAndTheOldOneStaysReadable() {
    JsonObject first = member.post(messages(), text("First")).json();
    String firstReply = first.getJsonObject("assistant_message").getString("id");
    JsonObject original = member.post(messages(), text("Original question")).json();
    String originalLeaf = original.getJsonObject("assistant_message").getString("id");

    fx.answer("Edited answer");
    ApiResponse edit = member.post(messages(), reply("Edited question", firstReply));
    assertEquals(201, edit.status(), edit::toString);
    JsonObject edited = edit.json().getJsonObject("user_message");
    assertEquals(firstReply, edited.getString("parent_message_id"));
    assertEquals(1, edited.getInt("sibling_index"));
    assertEquals(2, edited.getInt("sibling_count"));
    // What the model saw: the branch up to the edit, not the original question.
    assertEquals(
        List.of("system", "user", "assistant", "user"),
        roles(fx.lastVendorRequest().getJsonArray("messages")));
    assertEquals(
        "Edited question",
        fx.lastVendorRequest().getJsonArray("messages").getJsonObject(3).getString("content"));

    JsonArray active = member.get(messages()).json().getJsonArray("data");
    assertEquals(
        "Edited answer",
        active.getJsonObject(3).getJsonArray("parts").getJsonObject(0).getString("text"));
    JsonArray old = member.get(messages() + "?leaf=" + originalLeaf).json().getJsonArray("data");
    assertEquals(4, old.size());
    assertEquals(
        "Original question",
        old.getJsonObject(2).getJsonArray("parts").getJsonObject(0).getString("text"));
    assertEquals(2, old.getJsonObject(2).getInt("sibling_count"));
    assertEquals(2, old.getJsonObject(1).getInt("children_count"));

    ApiResponse children = member.get(messages() + "/" + firstReply + "/children");
    assertEquals(200, children.status(), children::toString);
    assertEquals(2, children.json().getJsonArray("data").size());
    assertEquals(
        original.getJsonObject("user_message").getString("id"),
        children.json().getJsonArray("data").getJsonObject(0).getString("id"));

    ApiResponse switched =
        member.patch(
            "/v1/conversations/" + conversation,
            "{\"active_message_id\": \"" + originalLeaf + "\"}");
    assertEquals(200, switched.status(), switched::toString);
    JsonArray now = member.get(messages()).json().getJsonArray("data");
    assertEquals(originalLeaf, now.getJsonObject(3).getString("id"));

    JsonArray tree = member.get(messages() + "?view=tree").json().getJsonArray("data");
    assertEquals(6, tree.size());
  }

  @Test
  void regenerateAddsASiblingReplyThatBecomesActive() {
    JsonObject turn = member.post(messages(), text("Tell me a joke")).json();
    String firstReply = turn.getJsonObject("assistant_message").getString("id");
    fx.answer("Another joke");
    ApiResponse again = member.post(messages() + "/" + firstReply + "/regenerate", "{}");
    assertEquals(201, again.status(), again::toString);
    JsonObject second = again.json().getJsonObject("assistant_message");
    assertEquals(
        turn.getJsonObject("user_message").getString("id"), second.getString("parent_message_id"));
    assertEquals(1, second.getInt("sibling_index"));
    assertEquals(2, second.getInt("sibling_count"));
    assertEquals(
        second.getString("id"),
        member.get("/v1/conversations/" + conversation).json().getString("active_message_id"));
    assertEquals(List.of("system", "user"), roles(fx.lastVendorRequest().getJsonArray("messages")));

    ApiResponse ofUser =
        member.post(
            messages() + "/" + turn.getJsonObject("user_message").getString("id") + "/regenerate",
            "{}");
    assertEquals(400, ofUser.status(), ofUser::toString);
  }

  @Test
  void aFailedRunKeepsTheUserMessageAndRecordsTheFailedReplyWhichRegenerateRetries() {
    fx.fail(400);
    ApiResponse failed = member.post(messages(), text("Will this work?"));
    assertEquals(400, failed.status(), failed::toString);
    assertEquals("application/problem+json", failed.contentType());
    String userId = failed.json().getString("user_message_id");
    String failedId = failed.json().getString("assistant_message_id");
    JsonObject stored = member.get(messages() + "/" + userId).json();
    assertEquals(
        "Will this work?", stored.getJsonArray("parts").getJsonObject(0).getString("text"));
    JsonObject failedReply = member.get(messages() + "/" + failedId).json();
    assertEquals("failed", failedReply.getString("status"));
    assertEquals(400, failedReply.getJsonObject("error").getInt("status"));

    fx.answer("It works now");
    ApiResponse retried = member.post(messages() + "/" + failedId + "/regenerate", "{}");
    assertEquals(201, retried.status(), retried::toString);
    assertEquals(
        "completed", retried.json().getJsonObject("assistant_message").getString("status"));
    // The failed reply is not part of what the model sees.
    assertEquals(List.of("system", "user"), roles(fx.lastVendorRequest().getJsonArray("messages")));
  }

  @Test
  void anUnreachableAssistantServiceIsA502AndTheUserMessageIsKept() {
    fx.fail(503);
    ApiResponse failed = member.post(messages(), text("Anyone there?"));
    assertEquals(502, failed.status(), failed::toString);
    assertTrue(failed.json().containsKey("user_message_id"), failed::toString);
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", conversation));
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ? AND status = 'failed'",
            conversation));
  }

  @Test
  void aReplyIsStoredAsTheModelGaveItAndTheConversationStaysReadable() {
    // A NUL (which PostgreSQL cannot store) and a tool call no client could have sent: a name
    // outside the client rules and an empty id. Both must be stored and read back, turn after turn.
    fx.vendor.resetAll();
    fx.vendor.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                    "/openai/v1/chat/completions"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"id": "chatcmpl-2", "object": "chat.completion", "created": 1, "model": "gpt-4o",
                         "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                           "content": "before\\u0000after",
                           "tool_calls": [{"id": "", "type": "function",
                             "function": {"name": "weather.lookup v2", "arguments": "{\\"city\\": \\"Porto\\"}"}}]}}],
                         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                        """)));
    ApiResponse turn = member.post(messages(), text("Weather?"));
    assertEquals(201, turn.status(), turn::toString);
    JsonArray parts = turn.json().getJsonObject("assistant_message").getJsonArray("parts");
    assertEquals("before\uFFFDafter", parts.getJsonObject(0).getString("text"));
    assertEquals("weather.lookup v2", parts.getJsonObject(1).getString("name"));
    assertEquals("", parts.getJsonObject(1).getString("id"));

    ApiResponse branch = member.get(messages());
    assertEquals(200, branch.status(), branch::toString);
    assertEquals(2, branch.json().getJsonArray("data").size());
    assertEquals(200, member.get("/v1/conversations/" + conversation + "/verify").status());
    fx.answer("Sunny");
    String odd = turn.json().getJsonObject("assistant_message").getString("id");
    ApiResponse again = member.post(messages() + "/" + odd + "/regenerate", "{}");
    assertEquals(201, again.status(), again::toString);
    assertEquals(200, member.get(messages() + "/" + odd).status());
  }

  @Test
  void aTurnAtTheEndOfALongBranchSendsItInOrder() {
    ApiResponse imported =
        member.post(
            "/v1/conversations/" + conversation + "/messages:import",
            ConversationFixture.chain("m", 300));
    assertEquals(201, imported.status(), imported::toString);
    ApiResponse turn = member.post(messages(), text("And the last one?"));
    assertEquals(201, turn.status(), turn::toString);
    JsonArray sent = fx.lastVendorRequest().getJsonArray("messages");
    assertEquals(302, sent.size());
    assertEquals("system", sent.getJsonObject(0).getString("role"));
    for (int i = 0; i < 300; i++) {
      assertEquals("n" + i, sent.getJsonObject(i + 1).getString("content"));
    }
    assertEquals("And the last one?", sent.getJsonObject(301).getString("content"));
  }

  @Test
  void appendingWithoutARunStoresAnyRoleAndCallsNoVendor() {
    ApiResponse system =
        member.post(
            messages(),
            "{\"run\": false, \"message\": {\"role\": \"system\", \"parts\": [{\"type\": \"text\", \"text\": \"Imported\"}]}}");
    assertEquals(201, system.status(), system::toString);
    assertEquals("system", system.json().getJsonObject("message").getString("role"));
    ApiResponse assistant =
        member.post(
            messages(),
            "{\"run\": false, \"message\": {\"role\": \"assistant\", \"parts\": [{\"type\": \"text\", \"text\": \"Earlier answer\"}, {\"type\": \"tool_call\", \"id\": \"call_1\", \"name\": \"lookup\", \"arguments\": \"{}\"}]}}");
    assertEquals(201, assistant.status(), assistant::toString);
    assertEquals(
        system.json().getJsonObject("message").getString("id"),
        assistant.json().getJsonObject("message").getString("parent_message_id"));
    assertEquals(0, fx.vendor.getAllServeEvents().size());
  }

  @Test
  void aReplyImportedWithItsFileCitationsKeepsThemInTheAuditedRecord() {
    String citation =
        "{\"type\": \"file_citation\", \"file_id\": \"file_a\", \"file_name\": \"handbook.md\","
            + " \"position\": 2, \"start\": 1200, \"end\": 1420, \"score\": 0.0607927,"
            + " \"text\": \"Every employee has 30 days of paid leave.\"}";
    ApiResponse posted =
        member.post(
            messages(),
            "{\"run\": false, \"message\": {\"role\": \"assistant\", \"parts\": [{\"type\": \"text\","
                + " \"text\": \"Thirty days.\"}, "
                + citation
                + "]}}");
    assertEquals(201, posted.status(), posted::toString);
    String id = posted.json().getJsonObject("message").getString("id");
    jakarta.json.JsonArray parts = member.get(messages() + "/" + id).json().getJsonArray("parts");
    assertEquals(2, parts.size(), parts::toString);
    jakarta.json.JsonObject cited = parts.getJsonObject(1);
    assertEquals("file_citation", cited.getString("type"));
    assertEquals("file_a", cited.getString("file_id"));
    assertEquals("handbook.md", cited.getString("file_name"));
    assertEquals(2, cited.getInt("position"));
    assertEquals(1200, cited.getInt("start"));
    assertEquals(1420, cited.getInt("end"));
    assertEquals(0.0607927, cited.getJsonNumber("score").doubleValue());
    assertEquals("Every employee has 30 days of paid leave.", cited.getString("text"));
    // Part of the hash chain like every part; and not sent to a model as the assistant's words.
    assertTrue(
        member.get("/v1/conversations/" + conversation + "/verify").json().getBoolean("intact"));
    ApiResponse next = member.post(messages(), text("And sick leave?"));
    assertEquals(201, next.status(), next::toString);
    JsonArray sent = fx.lastVendorRequest().getJsonArray("messages");
    assertEquals(
        "Thirty days.", sent.getJsonObject(sent.size() - 2).getString("content"), sent::toString);
  }

  @Test
  void theRuntimeRoleCannotChangeOrDeleteAMessage() throws SQLException {
    member.post(messages(), text("Immutable"));
    try (Connection runtime = TestDatabase.connectAsRuntimeRole();
        Statement statement = runtime.createStatement()) {
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("UPDATE conversation.message SET role = 'system'"));
      assertThrows(
          SQLException.class, () -> statement.executeUpdate("DELETE FROM conversation.message"));
      // Nor erase messages with their conversation (the cascade runs as the owner), even when the
      // session claims to be maintenance, nor empty the tables beside them.
      statement.execute("SELECT set_config('openassist.message_maintenance', 'on', false)");
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("DELETE FROM conversation.conversation"));
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("TRUNCATE conversation.conversation CASCADE"));
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("TRUNCATE conversation.message_fanout"));
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("DELETE FROM conversation.message_fanout"));
      // Nor rewrite the schema's migration history.
      assertThrows(
          SQLException.class,
          () -> statement.executeUpdate("DELETE FROM conversation.databasechangelog"));
    }
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", conversation));
    // Not even the owner, outside a maintenance session.
    assertThrows(
        IllegalStateException.class,
        () -> TestDatabase.execute("UPDATE conversation.message SET role = 'system'"));
    assertEquals(
        0, TestDatabase.count("SELECT count(*) FROM conversation.message WHERE role = 'system'"));
  }

  @Test
  void hashesChainEachMessageToItsParent() {
    JsonObject turn = member.post(messages(), text("Chain")).json();
    String userHash = turn.getJsonObject("user_message").getString("hash");
    String replyHash = turn.getJsonObject("assistant_message").getString("hash");
    assertEquals(64, userHash.length());
    assertNotEquals(userHash, replyHash);
    assertEquals(
        replyHash,
        TestDatabase.value(
            "SELECT hash FROM conversation.message WHERE id = ?",
            turn.getJsonObject("assistant_message").getString("id")));
  }

  @Test
  void anAdminReadsAMembersConversationButDoesNotWriteToIt() {
    String reply =
        member
            .post(messages(), text("Mine"))
            .json()
            .getJsonObject("assistant_message")
            .getString("id");
    fx.answer("Not for the admin");
    HttpApi admin = fx.admin();
    assertEquals(200, admin.get("/v1/conversations/" + conversation).status());
    assertEquals(2, admin.get(messages()).json().getJsonArray("data").size());
    ApiResponse write = admin.post(messages(), text("Theirs"));
    assertEquals(403, write.status(), write::toString);
    // Refused before anything runs: no vendor call, no message.
    ApiResponse regenerate = admin.post(messages() + "/" + reply + "/regenerate", "{}");
    assertEquals(403, regenerate.status(), regenerate::toString);
    assertEquals(0, fx.vendor.getAllServeEvents().size());
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", conversation));
  }

  @Test
  void aModelOutsideTheAssistantsAvailableModelsIsRefusedBeforeAnythingIsStored() {
    ApiResponse limited =
        fx.assistantService
            .as(fx.tenant.adminKey())
            .post(
                "/v1/assistants",
                "{\"model\": \"gpt-4o\", \"available_models\": [{\"id\": \"gpt-4o\", \"provider\": \"openai\"}]}");
    assertEquals(200, limited.status(), limited::toString);
    String assistant = limited.json().getString("id");
    fx.grant(assistant, fx.tenant.memberId(), "VIEW");
    String id =
        member
            .post("/v1/conversations", "{\"assistant_id\": \"" + assistant + "\"}")
            .json()
            .getString("id");
    String before = TestDatabase.snapshotSchema("conversation");
    ApiResponse refused =
        member.post(
            "/v1/conversations/" + id + "/messages",
            "{\"model_id\": \"gpt-3.5-turbo\", " + text("x").substring(1));
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("model_not_available", refused.json().getString("code"));
    assertEquals(before, TestDatabase.snapshotSchema("conversation"));
    assertEquals(0, fx.vendor.getAllServeEvents().size());

    ApiResponse allowed =
        member.post(
            "/v1/conversations/" + id + "/messages",
            "{\"model_id\": \"openai/gpt-4o\", " + text("x").substring(1));
    assertEquals(201, allowed.status(), allowed::toString);
    assertEquals("gpt-4o", fx.lastVendorRequest().getString("model"));
  }

  @Test
  void aStreamedTurnSendsDeltasThenBothStoredMessages() throws Exception {
    fx.answerStreamed("Hel", "lo");
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            io.openassist.testing.ServiceUnderTest.baseUrl() + messages()))
                    .header("Authorization", "Bearer " + fx.tenant.memberKey())
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"stream\": true, " + text("Stream it").substring(1)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response::body);
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    List<String> events =
        response
            .body()
            .lines()
            .filter(l -> l.startsWith("event: "))
            .map(l -> l.substring(7))
            .toList();
    assertEquals("turn.started", events.get(0));
    assertTrue(events.contains("turn.delta"), events::toString);
    assertEquals("turn.completed", events.get(events.size() - 1), response::body);
    String last =
        response
            .body()
            .lines()
            .filter(l -> l.startsWith("data: "))
            .reduce((a, b) -> b)
            .orElseThrow();
    JsonObject completed =
        jakarta.json.Json.createReader(new java.io.StringReader(last.substring(6))).readObject();
    JsonObject reply = completed.getJsonObject("assistant_message");
    assertEquals("Hello", reply.getJsonArray("parts").getJsonObject(0).getString("text"));
    assertEquals(7, reply.getJsonObject("usage").getInt("total_tokens"));
    assertEquals(
        completed.getJsonObject("user_message").getString("id"),
        reply.getString("parent_message_id"));
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", conversation));
  }

  private static List<String> roles(JsonArray messages) {
    return messages.stream().map(m -> m.asJsonObject().getString("role")).toList();
  }
}
