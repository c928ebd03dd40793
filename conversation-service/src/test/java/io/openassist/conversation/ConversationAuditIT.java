package io.openassist.conversation;

import static io.openassist.conversation.ConversationFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tamper evidence, export and search. */
@ExtendWith(AssistantServiceCompanion.class)
class ConversationAuditIT {

  private ConversationFixture fx;
  private HttpApi member;
  private String conversation;
  private List<String> ids;

  @BeforeEach
  void aConversationOfTwoTurns() {
    ConversationFixture.resetSchemas();
    fx = new ConversationFixture("Audit");
    member = fx.member();
    conversation = fx.conversation(member);
    JsonObject first = member.post(messages(), text("Where do penguins live?")).json();
    fx.answer("Mostly in the southern hemisphere");
    JsonObject second = member.post(messages(), text("And polar bears?")).json();
    ids =
        List.of(
            first.getJsonObject("user_message").getString("id"),
            first.getJsonObject("assistant_message").getString("id"),
            second.getJsonObject("user_message").getString("id"),
            second.getJsonObject("assistant_message").getString("id"));
  }

  private String messages() {
    return "/v1/conversations/" + conversation + "/messages";
  }

  @Test
  void anUntouchedConversationVerifies() {
    ApiResponse verified = member.get("/v1/conversations/" + conversation + "/verify");
    assertEquals(200, verified.status(), verified::toString);
    assertTrue(verified.json().getBoolean("intact"));
    assertEquals(4, verified.json().getInt("checked_messages"));
    assertTrue(verified.json().isNull("first_invalid_message_id"));
  }

  @Test
  void verificationNamesTheMessageWhoseFieldWasChanged() throws SQLException {
    List<String> tampering =
        List.of(
            "parts = jsonb_set(parts::jsonb, '{0,text}', '\"Where do penguins llve?\"')",
            "role = 'system'",
            "created_by = 'usr_someoneElse0000000000000'",
            "model_id = 'gpt-5'",
            "usage = '{\"total_tokens\": 1}'::json",
            "created_at = created_at + interval '1 microsecond'",
            "status = 'failed'",
            "hash = md5(hash) || md5(hash)");
    for (String change : tampering) {
      for (int victim = 0; victim < ids.size(); victim++) {
        String id = ids.get(victim);
        String before =
            (String)
                TestDatabase.value(
                    "SELECT row_to_json(m)::text FROM conversation.message m WHERE id = ?", id);
        if (change.startsWith("parts") && victim % 2 == 1) {
          continue; // the replies' texts are covered by the user messages' case
        }
        maintenance("UPDATE conversation.message SET " + change + " WHERE id = '" + id + "'");
        JsonObject verified = member.get("/v1/conversations/" + conversation + "/verify").json();
        assertFalse(verified.getBoolean("intact"), change + " on " + id);
        assertEquals(id, verified.getString("first_invalid_message_id"), change);
        restore(id, before);
      }
    }
    assertTrue(
        member.get("/v1/conversations/" + conversation + "/verify").json().getBoolean("intact"));
  }

  @Test
  void theExportHoldsTheWholeTreeWithHashesAsJsonLines() {
    ApiResponse export = member.get("/v1/conversations/" + conversation + "/export");
    assertEquals(200, export.status(), export::toString);
    assertTrue(export.contentType().startsWith("application/jsonl"), export.contentType());
    List<JsonObject> lines =
        export
            .body()
            .lines()
            .map(l -> Json.createReader(new StringReader(l)).readObject())
            .toList();
    assertEquals(5, lines.size());
    assertEquals("conversation", lines.get(0).getString("object"));
    for (int i = 0; i < 4; i++) {
      assertEquals(ids.get(i), lines.get(i + 1).getString("id"));
      assertEquals(64, lines.get(i + 1).getString("hash").length());
      assertTrue(lines.get(i + 1).getString("created_at").endsWith("Z"));
    }
    assertEquals(17, lines.get(2).getJsonObject("usage").getInt("total_tokens"));

    ApiResponse all = fx.admin().get("/v1/conversations/export");
    assertEquals(200, all.status(), all::toString);
    assertEquals(5, all.body().lines().count());
    assertEquals(403, member.get("/v1/conversations/export").status());
  }

  @Test
  void theOrganisationsExportHoldsEveryConversationAcrossBatchesOnce() {
    // More conversations than one batch of the export (100) holds, each exported exactly once.
    for (int i = 0; i < 230; i++) {
      fx.conversation(member);
    }
    ApiResponse all = fx.admin().get("/v1/conversations/export");
    assertEquals(200, all.status(), all::toString);
    List<JsonObject> lines =
        all.body().lines().map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    List<String> conversations =
        lines.stream()
            .filter(l -> l.getString("object").equals("conversation"))
            .map(l -> l.getString("id"))
            .toList();
    assertEquals(231, conversations.size());
    assertEquals(231, new java.util.HashSet<>(conversations).size());
    assertEquals(231 + 4, lines.size());
  }

  @Test
  void searchFindsMessagesTheCallerMayReadWithASnippet() {
    ApiResponse found = member.get("/v1/conversations/search?q=penguins");
    assertEquals(200, found.status(), found::toString);
    JsonArray hits = found.json().getJsonArray("data");
    assertEquals(1, hits.size(), found::toString);
    assertEquals(ids.get(0), hits.getJsonObject(0).getString("message_id"));
    assertEquals(conversation, hits.getJsonObject(0).getString("conversation_id"));
    assertTrue(hits.getJsonObject(0).getString("snippet").contains("<mark>penguins</mark>"));

    // Another organisation, and another member of this one, find nothing of it.
    ConversationFixture other = new ConversationFixture("Other audit");
    assertEquals(
        0,
        other
            .member()
            .get("/v1/conversations/search?q=penguins")
            .json()
            .getJsonArray("data")
            .size());
    assertEquals(
        1,
        fx.admin().get("/v1/conversations/search?q=penguins").json().getJsonArray("data").size());

    assertEquals(400, member.get("/v1/conversations/search").status());
    assertEquals(400, member.get("/v1/conversations/search?q=x&limit=0").status());
  }

  @Test
  void searchResultsArePagedByTheLastHitsMessageId() {
    // Seven hits of different ranks (krill once to four times) and some of equal rank.
    for (int i = 0; i < 7; i++) {
      member.post(
          messages(),
          "{\"run\": false, \"message\": {\"parts\": [{\"type\": \"text\", \"text\": \""
              + "krill ".repeat(1 + i % 4)
              + "number "
              + i
              + "\"}]}}");
    }
    JsonObject all = member.get("/v1/conversations/search?q=krill&limit=50").json();
    List<String> best = idsOfHits(all);
    assertEquals(7, best.size(), all::toString);
    assertFalse(all.getBoolean("has_more"));

    List<String> paged = new java.util.ArrayList<>();
    String after = null;
    List<Boolean> more = new java.util.ArrayList<>();
    do {
      ApiResponse page =
          member.get(
              "/v1/conversations/search?q=krill&limit=3"
                  + (after == null ? "" : "&after=" + after));
      assertEquals(200, page.status(), page::toString);
      List<String> ids = idsOfHits(page.json());
      assertEquals(ids.get(0), page.json().getString("first_id"));
      after = page.json().getString("last_id");
      assertEquals(ids.get(ids.size() - 1), after);
      paged.addAll(ids);
      more.add(page.json().getBoolean("has_more"));
    } while (more.get(more.size() - 1));
    assertEquals(best, paged);
    assertEquals(List.of(true, true, false), more);

    // A cursor must be a hit of the same search that the caller may see.
    assertEquals(400, member.get("/v1/conversations/search?q=krill&after=" + ids.get(0)).status());
    assertEquals(
        400, member.get("/v1/conversations/search?q=penguins&after=" + best.get(0)).status());
    ApiResponse foreign =
        new ConversationFixture("Other search")
            .member()
            .get("/v1/conversations/search?q=krill&after=" + best.get(0));
    assertEquals(400, foreign.status(), foreign::toString);
    assertEquals(
        "after", foreign.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  private static List<String> idsOfHits(JsonObject list) {
    return list.getJsonArray("data").stream()
        .map(h -> h.asJsonObject().getString("message_id"))
        .toList();
  }

  @Test
  void searchEscapesTheTextOfTheSnippet() {
    member.post(
        messages(),
        "{\"run\": false, \"message\": {\"parts\": [{\"type\": \"text\", \"text\": \"<script>alert(1)</script> walrus\"}]}}");
    JsonArray hits = member.get("/v1/conversations/search?q=walrus").json().getJsonArray("data");
    assertEquals(1, hits.size());
    assertFalse(hits.getJsonObject(0).getString("snippet").contains("<script>"));
  }

  private static void maintenance(String sql) throws SQLException {
    try (Connection owner = TestDatabase.connect();
        Statement statement = owner.createStatement()) {
      statement.execute("SELECT set_config('openassist.message_maintenance', 'on', false)");
      statement.executeUpdate(sql);
    }
  }

  private static void restore(String id, String rowJson) throws SQLException {
    maintenance(
        "UPDATE conversation.message m SET parts = r.parts, role = r.role, created_by = r.created_by,"
            + " model_id = r.model_id, usage = r.usage, created_at = r.created_at, status = r.status,"
            + " hash = r.hash FROM json_populate_record(null::conversation.message, '"
            + rowJson.replace("'", "''")
            + "') r WHERE m.id = '"
            + id
            + "'");
  }
}
