package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.TestDatabase;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation on a conversation, tried by callers who must not see it — another organisation's
 * admin and member, and a member of the same organisation who did not start it — answers exactly
 * what it answers for an id that never existed, and changes nothing.
 */
@ExtendWith(AssistantServiceCompanion.class)
class ConversationBolaIT {

  private ConversationFixture owner;
  private ConversationFixture stranger;
  private String conversation;
  private String message;

  /** An operation on a conversation and one of its messages. */
  private record Operation(String name, Function<HttpApi, Function<String[], ApiResponse>> call) {}

  @BeforeEach
  void twoOrganisations() {
    ConversationFixture.resetSchemas();
    owner = new ConversationFixture("Owner org");
    stranger = new ConversationFixture("Stranger org");
    conversation = owner.conversation(owner.member());
    message =
        owner
            .member()
            .post("/v1/conversations/" + conversation + "/messages", text("Secret"))
            .json()
            .getJsonObject("assistant_message")
            .getString("id");
  }

  private static List<Operation> operations() {
    return List.of(
        op("get", (api, ids) -> api.get("/v1/conversations/" + ids[0])),
        op("patch", (api, ids) -> api.patch("/v1/conversations/" + ids[0], "{\"title\": \"x\"}")),
        op("delete", (api, ids) -> api.delete("/v1/conversations/" + ids[0])),
        op("list messages", (api, ids) -> api.get("/v1/conversations/" + ids[0] + "/messages")),
        op("tree", (api, ids) -> api.get("/v1/conversations/" + ids[0] + "/messages?view=tree")),
        op(
            "post message",
            (api, ids) -> api.post("/v1/conversations/" + ids[0] + "/messages", text("x"))),
        op(
            "get message",
            (api, ids) -> api.get("/v1/conversations/" + ids[0] + "/messages/" + ids[1])),
        op(
            "children",
            (api, ids) ->
                api.get("/v1/conversations/" + ids[0] + "/messages/" + ids[1] + "/children")),
        op(
            "regenerate",
            (api, ids) ->
                api.post(
                    "/v1/conversations/" + ids[0] + "/messages/" + ids[1] + "/regenerate", "{}")),
        op(
            "import",
            (api, ids) ->
                api.post(
                    "/v1/conversations/" + ids[0] + "/messages:import",
                    "{\"messages\": [{\"id\": \"a\", \"role\": \"user\", \"parts\": [{\"type\": \"text\", \"text\": \"x\"}]}]}")),
        op("export", (api, ids) -> api.get("/v1/conversations/" + ids[0] + "/export")),
        op("verify", (api, ids) -> api.get("/v1/conversations/" + ids[0] + "/verify")));
  }

  private static Operation op(
      String name, java.util.function.BiFunction<HttpApi, String[], ApiResponse> call) {
    return new Operation(name, api -> ids -> call.apply(api, ids));
  }

  @Test
  void foreignConversationsAnswerLikeMissingOnesAndStayUnchanged() {
    String before = TestDatabase.snapshotSchema("conversation");
    HttpApi sameOrgOtherMember = sameOrganisationOtherMember();
    List<HttpApi> callers = List.of(stranger.admin(), stranger.member(), sameOrgOtherMember);
    String[] missing = {"conv_doesNotExist00000000000", "msg_doesNotExist000000000000"};
    String[] real = {conversation, message};
    for (Operation operation : operations()) {
      ApiResponse absent = operation.call().apply(stranger.member()).apply(missing);
      assertEquals(404, absent.status(), operation.name() + ": " + absent);
      for (HttpApi caller : callers) {
        ApiResponse foreign = operation.call().apply(caller).apply(real);
        assertEquals(404, foreign.status(), operation.name() + ": " + foreign);
        assertEquals(
            absent.problemWithoutRequestId(), foreign.problemWithoutRequestId(), operation.name());
      }
    }
    assertEquals(before, TestDatabase.snapshotSchema("conversation"));
  }

  @Test
  void listsAndSearchesShowNothingOfAnotherOrganisation() {
    assertEquals(0, stranger.admin().get("/v1/conversations").json().getJsonArray("data").size());
    assertEquals(
        0,
        stranger
            .admin()
            .get("/v1/conversations/search?q=Secret")
            .json()
            .getJsonArray("data")
            .size());
    assertEquals(0, stranger.admin().get("/v1/conversations/export").body().lines().count());
    ApiResponse foreignAssistant =
        stranger
            .member()
            .post("/v1/conversations", "{\"assistant_id\": \"" + owner.assistantId + "\"}");
    assertEquals(400, foreignAssistant.status(), foreignAssistant::toString);
    assertEquals("assistant_not_found", foreignAssistant.json().getString("code"));
  }

  /**
   * A second member of the owner's organisation, who may VIEW the assistant but did not start it.
   */
  private HttpApi sameOrganisationOtherMember() {
    HttpApi admin = owner.assistantService.as(owner.tenant.adminKey());
    String userId = admin.post("/v1/users", "{\"name\": \"Other member\"}").json().getString("id");
    String key =
        admin
            .post("/v1/api_keys", "{\"name\": \"k\", \"user_id\": \"" + userId + "\"}")
            .json()
            .getString("key");
    owner.grant(owner.assistantId, userId, "VIEW");
    return owner.anonymous.as(key);
  }
}
