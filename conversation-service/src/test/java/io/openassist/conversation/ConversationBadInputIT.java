package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static io.openassist.testing.HostileInput.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HostileInput;
import io.openassist.testing.HostileInput.BodyEndpoint;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad input to the conversation endpoints is a 4xx problem that changes nothing: the hostile
 * classes every service refuses, and this service's own rules (parents, parts, ids, roles).
 */
@ExtendWith(AssistantServiceCompanion.class)
class ConversationBadInputIT {

  private ConversationFixture fx;
  private HttpApi member;
  private String conversation;
  private String firstReply;

  @BeforeEach
  void aConversationWithOneTurn() {
    ConversationFixture.resetSchemas();
    fx = new ConversationFixture("Bad input");
    member = fx.member();
    conversation = fx.conversation(member);
    firstReply =
        member
            .post(messages(), text("Hi"))
            .json()
            .getJsonObject("assistant_message")
            .getString("id");
  }

  private String messages() {
    return "/v1/conversations/" + conversation + "/messages";
  }

  private List<BodyEndpoint> endpoints() {
    return List.of(
        new BodyEndpoint(
            "POST", "/v1/conversations", "{\"assistant_id\": \"" + fx.assistantId + "\"}", "title"),
        new BodyEndpoint(
            "PATCH", "/v1/conversations/" + conversation, "{\"title\": \"t\"}", "title"),
        new BodyEndpoint("POST", messages(), text("Hello"), "model_id"),
        new BodyEndpoint("POST", messages() + "/" + firstReply + "/regenerate", "{}", "model_id"),
        new BodyEndpoint(
            "POST",
            "/v1/conversations/" + conversation + "/messages:import",
            "{\"messages\": [{\"id\": \"a\", \"role\": \"user\", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}]}",
            "active_id"));
  }

  @Test
  void hostileBodiesAreRefusedOnEveryEndpointAndChangeNothing() {
    String before = TestDatabase.snapshotSchema("conversation");
    for (BodyEndpoint endpoint : endpoints()) {
      HostileInput.refusesUnstorableText(member, endpoint);
      HostileInput.refusesBytesThatAreNotUtf8(member, endpoint);
      HostileInput.refusesWrongJsonTypes(member, endpoint);
      HostileInput.refusesDeepNesting(member, endpoint);
      HostileInput.refusesOversizedBodies(
          ServiceUnderTest.baseUrl(), fx.tenant.memberKey(), endpoint);
    }
    HostileInput.refusesUnstorableQueryText(member, "/v1/conversations");
    HostileInput.refusesUnstorableQueryText(member, messages());
    HostileInput.answersContainerRefusalsAsProblems(member, "/v1/conversations/");
    assertEquals(before, TestDatabase.snapshotSchema("conversation"));
  }

  @Test
  void badMessagesAreRefusedAndNothingIsStored() {
    String before = TestDatabase.snapshotSchema("conversation");
    String otherConversation = fx.conversation(member);
    String foreignParent =
        member
            .post(
                "/v1/conversations/" + otherConversation + "/messages",
                "{\"run\": false, " + text("x").substring(1))
            .json()
            .getJsonObject("message")
            .getString("id");
    before = TestDatabase.snapshotSchema("conversation");
    int vendorCalls = fx.vendor.getAllServeEvents().size();

    assertProblem(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}, \"parent_message_id\": \"msg_unknown000000000000000000\"}"),
        404,
        "not_found");
    assertProblem(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}, \"parent_message_id\": \""
                + foreignParent
                + "\"}"),
        404,
        "not_found");
    assertRefused(member.post(messages(), "{\"message\": {\"parts\": []}}"), 400);
    assertRefused(
        member.post(
            messages(), "{\"message\": {\"parts\": [{\"type\": \"image\", \"url\": \"x\"}]}}"),
        400);
    assertRefused(
        member.post(
            messages(), "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"\"}]}}"),
        400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"x\", \"extra\": 1}]}}"),
        400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \""
                + "a".repeat(100_001)
                + "\"}]}}"),
        400);
    assertRefused(member.post(messages(), "{\"message\": {\"parts\": \"text\"}}"), 400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"role\": \"wizard\", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}}"),
        400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"role\": \"system\", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}}"),
        400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"tool_call\", \"id\": \"c\", \"name\": \"bad name!\"}]}}"),
        400);
    for (String citation :
        List.of(
            "{\"type\": \"file_citation\", \"file_name\": \"a.md\", \"text\": \"x\"}",
            "{\"type\": \"file_citation\", \"file_id\": \"f\", \"file_name\": \"a.md\", \"text\": \"x\", \"position\": -1}",
            "{\"type\": \"file_citation\", \"file_id\": \"f\", \"file_name\": \"a.md\", \"text\": \"x\", \"start\": 1.5}",
            "{\"type\": \"file_citation\", \"file_id\": \"f\", \"file_name\": \"a.md\", \"text\": \"x\", \"score\": \"high\"}",
            "{\"type\": \"file_citation\", \"file_id\": \"f\", \"file_name\": \"a.md\", \"text\": \"x\", \"page\": 3}")) {
      assertRefused(
          member.post(
              messages(),
              "{\"run\": false, \"message\": {\"role\": \"assistant\", \"parts\": ["
                  + citation
                  + "]}}"),
          400);
    }
    assertRefused(
        member.post(messages(), "{\"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}"), 400);
    assertRefused(
        member.post(
            messages(),
            "{\"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}, \"stream\": true, \"run\": false}"),
        400);
    assertProblem(member.post(messages(), ""), 400, "missing_body");
    assertProblem(
        member.post("/v1/conversations/conv_unknown0000000000000000/messages", text("x")),
        404,
        "not_found");
    assertProblem(
        member.post(messages() + "/msg_unknown000000000000000000/regenerate", "{}"),
        404,
        "not_found");
    assertProblem(
        member.post(messages() + "/" + foreignParent + "/regenerate", "{}"), 404, "not_found");
    assertRefused(
        member.post(
            "/v1/conversations/" + conversation + "/messages:import",
            "{\"messages\": [{\"id\": \"a\", \"role\": \"user\", \"parts\": []}, {\"id\": \"a\", \"role\": \"user\", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}]}"),
        400);
    assertRefused(
        member.post("/v1/conversations/" + conversation + "/messages:import", "{\"messages\": []}"),
        400);
    for (String when : List.of("4102444800", "-1", "\"2020-01-01\"", "1.5")) {
      assertRefused(
          member.post(
              "/v1/conversations/" + conversation + "/messages:import",
              "{\"messages\": [{\"id\": \"a\", \"role\": \"user\", \"created_at\": "
                  + when
                  + ", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}]}"),
          400);
    }

    assertEquals(before, TestDatabase.snapshotSchema("conversation"));
    assertEquals(vendorCalls, fx.vendor.getAllServeEvents().size());
  }

  @Test
  void badConversationsAndQueriesAreRefusedAndNothingChanges() {
    String before = TestDatabase.snapshotSchema("conversation");
    assertRefused(member.post("/v1/conversations", "{}"), 400);
    assertProblem(
        member.post("/v1/conversations", "{\"assistant_id\": \"asst_unknown0000000000000000\"}"),
        400,
        "assistant_not_found");
    assertRefused(
        member.post(
            "/v1/conversations",
            "{\"assistant_id\": \"" + fx.assistantId + "\", \"metadata\": {\"k\": 1}}"),
        400);
    assertRefused(
        member.post(
            "/v1/conversations",
            "{\"assistant_id\": \""
                + fx.assistantId
                + "\", \"title\": \""
                + "t".repeat(513)
                + "\"}"),
        400);
    assertRefused(
        member.post(
            "/v1/conversations",
            "{\"assistant_id\": \"" + fx.assistantId + "\", \"owner\": \"me\"}"),
        400);
    assertProblem(
        member.patch(
            "/v1/conversations/" + conversation,
            "{\"active_message_id\": \"msg_unknown000000000000000000\"}"),
        400,
        "message_not_found");
    assertProblem(
        member.patch("/v1/conversations/conv_unknown0000000000000000", "{\"title\": \"x\"}"),
        404,
        "not_found");
    for (String query :
        List.of(
            "limit=0",
            "limit=x",
            "order=up",
            "after=conv_unknown0000000000000000",
            "created_from=yesterday",
            "deleted=maybe")) {
      assertRefused(member.get("/v1/conversations?" + query), 400);
    }
    for (String query :
        List.of(
            "view=graph",
            "leaf=msg_unknown000000000000000000",
            "after=msg_unknown000000000000000000",
            "view=tree&leaf=" + firstReply,
            "limit=10001")) {
      ApiResponse response = member.get(messages() + "?" + query);
      assertEquals(
          query.startsWith("leaf") ? 404 : 400, response.status(), query + ": " + response);
    }
    assertEquals(before, TestDatabase.snapshotSchema("conversation"));
  }

  /** A problem with this status and some code, whatever the code. */
  private static void assertRefused(ApiResponse response, int status) {
    assertEquals(status, response.status(), response::toString);
    assertEquals("application/problem+json", response.contentType(), response::toString);
    assertEquals(status, response.json().getInt("status"));
  }
}
