package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversations as objects (start, read, list with filters and cursors, rename, delete, restore,
 * retention purge), bulk import, long branches read page by page, and Idempotency-Key.
 */
@ExtendWith(AssistantServiceCompanion.class)
class ConversationApiIT {

  private ConversationFixture fx;
  private HttpApi member;

  @BeforeEach
  void anOrganisation() {
    ConversationFixture.resetSchemas();
    fx = new ConversationFixture("Api");
    member = fx.member();
  }

  @Test
  void aConversationIsStartedReadRenamedAndListed() {
    ApiResponse created =
        member.post(
            "/v1/conversations",
            "{\"assistant_id\": \""
                + fx.assistantId
                + "\", \"title\": \"Plans\", \"metadata\": {\"ticket\": \"42\"}}");
    assertEquals(201, created.status(), created::toString);
    JsonObject c = created.json();
    assertEquals("conversation", c.getString("object"));
    assertEquals(fx.assistantId, c.getString("assistant_id"));
    assertEquals("42", c.getJsonObject("metadata").getString("ticket"));
    assertEquals(fx.tenant.memberId(), c.getString("created_by"));
    assertTrue(c.isNull("active_message_id"));
    String id = c.getString("id");
    assertEquals(
        1,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.conversation WHERE id = ? AND organization_id = ?",
            id,
            fx.tenant.organizationId()));

    ApiResponse renamed = member.patch("/v1/conversations/" + id, "{\"title\": \"Holiday plans\"}");
    assertEquals(200, renamed.status(), renamed::toString);
    assertEquals("Holiday plans", member.get("/v1/conversations/" + id).json().getString("title"));
    assertEquals("42", renamed.json().getJsonObject("metadata").getString("ticket"));

    for (int i = 0; i < 4; i++) {
      fx.conversation(member);
    }
    String otherAssistant = fx.assistant(fx.tenant.adminKey());
    fx.grant(otherAssistant, fx.tenant.memberId(), "VIEW");
    member.post("/v1/conversations", "{\"assistant_id\": \"" + otherAssistant + "\"}");

    JsonObject firstPage = member.get("/v1/conversations?limit=4").json();
    assertEquals(4, firstPage.getJsonArray("data").size());
    assertTrue(firstPage.getBoolean("has_more"));
    JsonObject secondPage =
        member.get("/v1/conversations?limit=4&after=" + firstPage.getString("last_id")).json();
    assertEquals(2, secondPage.getJsonArray("data").size());
    assertFalse(secondPage.getBoolean("has_more"));
    assertEquals(
        1,
        member
            .get("/v1/conversations?assistant_id=" + otherAssistant)
            .json()
            .getJsonArray("data")
            .size());
    assertEquals(
        0, member.get("/v1/conversations?created_to=1").json().getJsonArray("data").size());
  }

  @Test
  void membersSeeTheirOwnConversationsAndAdminsEveryone() {
    String mine = fx.conversation(member);
    String admins = fx.conversation(fx.admin());
    assertEquals(List.of(mine), idsOf(member.get("/v1/conversations").json()));
    assertEquals(2, fx.admin().get("/v1/conversations").json().getJsonArray("data").size());
    assertEquals(404, member.get("/v1/conversations/" + admins).status());
  }

  @Test
  void losingViewOnTheAssistantHidesItsConversationsWithoutDeletingThem()
      throws InterruptedException {
    String id = fx.conversation(member);
    member.post("/v1/conversations/" + id + "/messages", text("Hi"));
    String permission =
        fx.assistantService
            .as(fx.tenant.adminKey())
            .get("/v1/assistants/" + fx.assistantId + "/permissions")
            .json()
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("id");
    assertEquals(
        200,
        fx.assistantService
            .as(fx.tenant.adminKey())
            .delete("/v1/assistants/" + fx.assistantId + "/permissions/" + permission)
            .status());
    Thread.sleep(2_500); // the credential cache's time in the tests
    ApiResponse hidden = member.get("/v1/conversations/" + id);
    assertEquals(404, hidden.status(), hidden::toString);
    assertEquals(0, member.get("/v1/conversations").json().getJsonArray("data").size());
    assertEquals(404, member.get("/v1/conversations/" + id + "/messages").status());
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
    assertEquals(200, fx.admin().get("/v1/conversations/" + id).status());
  }

  @Test
  void aDeletedConversationIsHiddenRestorableByAdminsAndPurgedAfterRetention()
      throws InterruptedException {
    String id = fx.conversation(member);
    member.post("/v1/conversations/" + id + "/messages", text("Keep me a while"));
    ApiResponse deleted = member.delete("/v1/conversations/" + id);
    assertEquals(200, deleted.status(), deleted::toString);
    assertFalse(deleted.json().isNull("deleted_at"));
    assertEquals(404, member.get("/v1/conversations/" + id).status());
    assertEquals(0, member.get("/v1/conversations").json().getJsonArray("data").size());
    assertEquals(403, member.get("/v1/conversations?deleted=true").status());
    assertEquals(List.of(id), idsOf(fx.admin().get("/v1/conversations?deleted=true").json()));
    assertEquals(403, member.post("/v1/conversations/" + id + "/restore", "").status());

    ApiResponse restored = fx.admin().post("/v1/conversations/" + id + "/restore", "");
    assertEquals(200, restored.status(), restored::toString);
    assertEquals(200, member.get("/v1/conversations/" + id).status());

    member.delete("/v1/conversations/" + id);
    // Deleted longer ago than the retention: the next purge removes it and its messages.
    TestDatabase.execute(
        "UPDATE conversation.conversation SET deleted_at = now() - interval '181 days' WHERE id = ?",
        id);
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (TestDatabase.count("SELECT count(*) FROM conversation.conversation WHERE id = ?", id) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(
        0, TestDatabase.count("SELECT count(*) FROM conversation.conversation WHERE id = ?", id));
    assertEquals(
        0,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
    assertEquals(404, fx.admin().post("/v1/conversations/" + id + "/restore", "").status());
  }

  @Test
  void aWholeTreeIsImportedInOneRequest() {
    String id = fx.conversation(member);
    ApiResponse imported =
        member.post(
            "/v1/conversations/" + id + "/messages:import",
            """
            {"messages": [
              {"id": "a", "role": "user", "created_at": 1600000000, "parts": [{"type": "text", "text": "Q1"}]},
              {"id": "b", "parent_id": "a", "role": "assistant", "model_id": "legacy-model", "created_at": 1600000005, "parts": [{"type": "text", "text": "A1"}]},
              {"id": "c", "parent_id": "a", "role": "assistant", "parts": [{"type": "text", "text": "A1, again"}]},
              {"id": "d", "parent_id": "b", "role": "user", "parts": [{"type": "text", "text": "Q2"}]}
            ], "active_id": "c"}
            """);
    assertEquals(201, imported.status(), imported::toString);
    JsonObject ids = imported.json().getJsonObject("ids");
    assertEquals(4, imported.json().getInt("imported"));
    assertEquals(ids.getString("c"), imported.json().getString("active_message_id"));
    JsonArray active =
        member.get("/v1/conversations/" + id + "/messages").json().getJsonArray("data");
    assertEquals(
        List.of(ids.getString("a"), ids.getString("c")),
        active.stream().map(m -> m.asJsonObject().getString("id")).toList());
    assertEquals(2, active.getJsonObject(1).getInt("sibling_count"));
    JsonArray other =
        member
            .get("/v1/conversations/" + id + "/messages?leaf=" + ids.getString("d"))
            .json()
            .getJsonArray("data");
    assertEquals("legacy-model", other.getJsonObject(1).getString("model_id"));
    // Original times are kept (and covered by the hash chain); the importer is the author here.
    assertEquals(1600000000L, other.getJsonObject(0).getJsonNumber("created_at").longValue());
    assertEquals(1600000005L, other.getJsonObject(1).getJsonNumber("created_at").longValue());
    assertEquals(fx.tenant.memberId(), other.getJsonObject(0).getString("created_by"));
    assertTrue(
        other.getJsonObject(2).getJsonNumber("created_at").longValue()
            > java.time.Instant.now().getEpochSecond() - 600);
    assertEquals(0, fx.vendor.getAllServeEvents().size());
    assertTrue(member.get("/v1/conversations/" + id + "/verify").json().getBoolean("intact"));

    ApiResponse orphan =
        member.post(
            "/v1/conversations/" + id + "/messages:import",
            "{\"messages\": [{\"id\": \"x\", \"parent_id\": \"nowhere\", \"role\": \"user\", \"parts\": [{\"type\": \"text\", \"text\": \"?\"}]}]}");
    assertEquals(400, orphan.status(), orphan::toString);
    assertEquals(
        4,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
  }

  @Test
  void textComesBackAsItWasWrittenThroughEveryRead() {
    String id = fx.conversation(member);
    // Quotes, a backslash, control characters, non-ASCII and a character outside the BMP, in a
    // text part and in a tool call's arguments: every message list copies the stored JSON text.
    String text = "Grüße \"quoted\" back\\slash\ttab\nline\u0001 € 😀";
    String parts =
        "[{\"type\": \"text\", \"text\": \""
            + text.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\u0001", "\\u0001")
            + "\"}, {\"type\": \"tool_call\", \"id\": \"c1\", \"name\": \"f\", \"arguments\": \"{\\\"ü\\\": 1}\"}]";
    ApiResponse posted =
        member.post(
            "/v1/conversations/" + id + "/messages",
            "{\"run\": false, \"message\": {\"role\": \"assistant\", \"parts\": " + parts + "}}");
    assertEquals(201, posted.status(), posted::toString);
    JsonObject written = posted.json().getJsonObject("message");
    String messageId = written.getString("id");
    JsonArray expected = written.getJsonArray("parts");
    assertEquals(text, expected.getJsonObject(0).getString("text"));
    assertEquals("{\"ü\": 1}", expected.getJsonObject(1).getString("arguments"));
    for (String read :
        List.of(
            "/v1/conversations/" + id + "/messages",
            "/v1/conversations/" + id + "/messages?view=tree",
            "/v1/conversations/" + id + "/messages?leaf=" + messageId + "&order=desc")) {
      ApiResponse list = member.get(read);
      assertEquals(200, list.status(), list::toString);
      assertEquals(
          expected, list.json().getJsonArray("data").getJsonObject(0).getJsonArray("parts"), read);
    }
    assertEquals(
        expected,
        member
            .get("/v1/conversations/" + id + "/messages/" + messageId)
            .json()
            .getJsonArray("parts"));
    // Stored as the JSON text the service wrote, which the lists send as it is.
    String stored =
        (String)
            TestDatabase.value(
                "SELECT parts::text FROM conversation.message WHERE id = ?", messageId);
    assertTrue(
        member
            .get("/v1/conversations/" + id + "/messages")
            .body()
            .contains("\"parts\":" + stored + ","),
        stored);
    assertTrue(member.get("/v1/conversations/" + id + "/verify").json().getBoolean("intact"));
  }

  @Test
  void aLongBranchIsReadPageByPageFromEitherEnd() {
    String id = fx.conversation(member);
    ApiResponse imported =
        member.post(
            "/v1/conversations/" + id + "/messages:import", ConversationFixture.chain("m", 250));
    assertEquals(201, imported.status(), imported::toString);
    String m249 = imported.json().getJsonObject("ids").getString("m249");
    // a fork in the middle, so that the branch spans two segments
    JsonObject all = member.get("/v1/conversations/" + id + "/messages?view=tree&limit=100").json();
    String m99 = all.getJsonArray("data").getJsonObject(99).getString("id");
    member.post(
        "/v1/conversations/" + id + "/messages",
        "{\"run\": false, \"parent_message_id\": \""
            + m99
            + "\", \"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"fork\"}]}}");

    List<String> texts = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          member
              .get(
                  "/v1/conversations/"
                      + id
                      + "/messages?limit=100"
                      + (after == null ? "" : "&after=" + after))
              .json();
      page.getJsonArray("data")
          .forEach(
              m ->
                  texts.add(
                      m.asJsonObject().getJsonArray("parts").getJsonObject(0).getString("text")));
      after = page.getBoolean("has_more") ? page.getString("last_id") : null;
    } while (after != null);
    assertEquals(101, texts.size());
    assertEquals("n0", texts.get(0));
    assertEquals("n99", texts.get(99));
    assertEquals("fork", texts.get(100));

    JsonObject fromLeaf =
        member.get("/v1/conversations/" + id + "/messages?order=desc&limit=3").json();
    assertEquals(
        "fork",
        fromLeaf
            .getJsonArray("data")
            .getJsonObject(0)
            .getJsonArray("parts")
            .getJsonObject(0)
            .getString("text"));
    assertEquals(
        "n98",
        fromLeaf
            .getJsonArray("data")
            .getJsonObject(2)
            .getJsonArray("parts")
            .getJsonObject(0)
            .getString("text"));
    assertEquals(2, fromLeaf.getJsonArray("data").getJsonObject(1).getInt("children_count"));

    // Long pages (over 200) take their counts apart from the rows, from the conversation's forks
    // and the leaf: the same counts with one root and, after a second tree, with two.
    assertLongPageCounts(id, m249, 1);
    assertEquals(
        201,
        member
            .post(
                "/v1/conversations/" + id + "/messages:import", ConversationFixture.chain("o", 700))
            .status());
    assertLongPageCounts(id, m249, 2);
  }

  private void assertLongPageCounts(String id, String leaf, int roots) {
    JsonArray page =
        member
            .get("/v1/conversations/" + id + "/messages?order=desc&limit=201&leaf=" + leaf)
            .json()
            .getJsonArray("data");
    assertEquals(201, page.size());
    assertEquals(0, page.getJsonObject(0).getInt("children_count"));
    JsonObject n100 = page.getJsonObject(149);
    assertEquals("n100", n100.getJsonArray("parts").getJsonObject(0).getString("text"));
    assertEquals(2, n100.getInt("sibling_count"));
    assertEquals(0, n100.getInt("sibling_index"));
    JsonObject n99 = page.getJsonObject(150);
    assertEquals(2, n99.getInt("children_count"));
    assertEquals(1, n99.getInt("sibling_count"));
    assertEquals(1, page.getJsonObject(200).getInt("children_count"));

    // A branch may end at a message with children: the count is its own, not a leaf's 0.
    String n230 = page.getJsonObject(19).getString("id");
    JsonArray toN230 =
        member
            .get("/v1/conversations/" + id + "/messages?order=desc&limit=201&leaf=" + n230)
            .json()
            .getJsonArray("data");
    assertEquals(n230, toN230.getJsonObject(0).getString("id"));
    assertEquals(1, toN230.getJsonObject(0).getInt("children_count"));

    // Root first, across the fork's two segments, then on from the cursor to the leaf.
    JsonObject first =
        member.get("/v1/conversations/" + id + "/messages?order=asc&limit=201&leaf=" + leaf).json();
    JsonArray ascending = first.getJsonArray("data");
    assertEquals(201, ascending.size());
    assertTrue(first.getBoolean("has_more"));
    for (int i = 0; i < 201; i++) {
      JsonObject m = ascending.getJsonObject(i);
      assertEquals("n" + i, m.getJsonArray("parts").getJsonObject(0).getString("text"));
    }
    assertEquals(roots, ascending.getJsonObject(0).getInt("sibling_count"));
    assertEquals(2, ascending.getJsonObject(99).getInt("children_count"));
    assertEquals(2, ascending.getJsonObject(100).getInt("sibling_count"));
    JsonObject rest =
        member
            .get(
                "/v1/conversations/"
                    + id
                    + "/messages?order=asc&limit=201&leaf="
                    + leaf
                    + "&after="
                    + first.getString("last_id"))
            .json();
    JsonArray tail = rest.getJsonArray("data");
    assertEquals(49, tail.size());
    assertFalse(rest.getBoolean("has_more"));
    assertEquals(leaf, tail.getJsonObject(48).getString("id"));
    assertEquals(0, tail.getJsonObject(48).getInt("children_count"));
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
    String id = fx.conversation(member);
    String path = "/v1/conversations/" + id + "/messages";
    ApiResponse first = send(path, "key-1", text("Once"));
    assertEquals(201, first.status(), first::toString);
    ApiResponse again = send(path, "key-1", text("Once"));
    assertEquals(201, again.status(), again::toString);
    assertEquals(first.json(), again.json());
    assertEquals("true", again.header("Idempotent-Replayed"));
    ApiResponse other = send(path, "key-1", text("Twice"));
    assertEquals(422, other.status(), other::toString);
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
    assertEquals(1, fx.vendor.getAllServeEvents().size());
    // The same key of another caller is another key.
    ApiResponse admins =
        sendAs(
            fx.tenant.adminKey(),
            "/v1/conversations",
            "key-1",
            "{\"assistant_id\": \"" + fx.assistantId + "\"}");
    assertEquals(201, admins.status(), admins::toString);
  }

  @Test
  void aFailedTurnIsReplayedNotRunAgain() {
    // The user message is committed before the run: a repeat after any failure must not add it
    // a second time, whatever the status (a 5xx included).
    String id = fx.conversation(member);
    String path = "/v1/conversations/" + id + "/messages";
    fx.fail(500);
    ApiResponse first = send(path, "failing", text("Fails"));
    assertTrue(first.status() >= 500, first::toString);
    fx.answer("Would work now");
    ApiResponse again = send(path, "failing", text("Fails"));
    assertEquals(first.status(), again.status(), again::toString);
    assertEquals(first.json(), again.json());
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(0, fx.vendor.getAllServeEvents().size());
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
  }

  @Test
  void aStreamedTurnIsReplayedAsTheStreamThatWasSent() {
    String id = fx.conversation(member);
    String path = "/v1/conversations/" + id + "/messages";
    fx.answerStreamed("Once", " only");
    String body = "{\"stream\": true, " + text("Stream once").substring(1);
    ApiResponse first = send(path, "streamed", body);
    assertEquals(200, first.status(), first::toString);
    assertTrue(first.body().contains("event: turn.completed"), first::toString);
    ApiResponse again = send(path, "streamed", body);
    assertEquals(200, again.status(), again::toString);
    assertEquals(first.body(), again.body());
    assertTrue(again.contentType().startsWith("text/event-stream"), again::toString);
    assertEquals("true", again.header("Idempotent-Replayed"));
    assertEquals(1, fx.vendor.getAllServeEvents().size());
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
  }

  @Test
  void fiftyParallelRequestsWithOneKeyMakeOneTurn() {
    String id = fx.conversation(member);
    String path = "/v1/conversations/" + id + "/messages";
    List<CompletableFuture<Integer>> requests =
        IntStream.range(0, 50)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> send(path, "parallel", text("Only once")).status()))
            .toList();
    List<Integer> statuses = requests.stream().map(CompletableFuture::join).toList();
    assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses::toString);
    assertTrue(statuses.contains(201));
    assertEquals(
        2,
        TestDatabase.count(
            "SELECT count(*) FROM conversation.message WHERE conversation_id = ?", id));
    assertEquals(1, fx.vendor.getAllServeEvents().size());
  }

  private ApiResponse send(String path, String key, String body) {
    return sendAs(fx.tenant.memberKey(), path, key, body);
  }

  private static ApiResponse sendAs(String credential, String path, String key, String body) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(io.openassist.testing.ServiceUnderTest.baseUrl() + path))
                      .header("Authorization", "Bearer " + credential)
                      .header("Content-Type", "application/json")
                      .header("Idempotency-Key", key)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> idsOf(JsonObject list) {
    return list.getJsonArray("data").stream().map(c -> c.asJsonObject().getString("id")).toList();
  }
}
