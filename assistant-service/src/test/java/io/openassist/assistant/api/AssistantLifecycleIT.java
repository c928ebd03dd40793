package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The assistant lifecycle over HTTP, checked against the rows in PostgreSQL. */
class AssistantLifecycleIT {

  private HttpApi api;

  @BeforeEach
  void startEmptyAsAnAdmin() {
    Tenant.resetAssistantSchema();
    api = new HttpApi().as(Tenant.onboard(new HttpApi(), "Lifecycle").adminKey());
  }

  @Test
  void createsAnAssistantInTheOpenAiShapeAndStoresIt() {
    ApiResponse created =
        api.post(
            "/v1/assistants",
            """
            {"model": "gpt-4", "name": "Astronomy Tutor",
             "instructions": "You are an astronomy tutor.",
             "tools": [{"type": "code_interpreter"}],
             "metadata": {"company_id": "356"},
             "available_models": [{"id": "gpt-4", "provider": "openai"}],
             "default_model": {"id": "gpt-4", "provider": "openai"}}
            """);
    assertEquals(200, created.status(), created::toString);
    JsonObject body = created.json();
    String id = body.getString("id");
    assertTrue(id.matches("asst_[0-9A-Za-z]{24}"), id);
    assertEquals("assistant", body.getString("object"));
    assertEquals("Astronomy Tutor", body.getString("name"));
    assertTrue(body.isNull("description"), "unset members are present as null");
    assertEquals("gpt-4", body.getString("model"));
    assertEquals("code_interpreter", body.getJsonArray("tools").getJsonObject(0).getString("type"));
    assertEquals("auto", ((JsonString) body.get("response_format")).getString());
    assertEquals(1.0, body.getJsonNumber("temperature").doubleValue());
    assertEquals(1.0, body.getJsonNumber("top_p").doubleValue());
    assertEquals("356", body.getJsonObject("metadata").getString("company_id"));
    assertTrue(body.getString("slug").startsWith("astronomy-tutor-"));
    JsonObject defaultModel = body.getJsonObject("default_model");
    assertEquals("assistant.model", defaultModel.getString("object"));
    assertEquals("openai", defaultModel.getJsonObject("provider").getString("id"));
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(now - body.getJsonNumber("created_at").longValue()) < 60);

    assertEquals(
        "Astronomy Tutor",
        TestDatabase.value("SELECT name FROM assistant.assistant WHERE id = ?", id));
    assertEquals(
        "356",
        TestDatabase.value(
            "SELECT metadata ->> 'company_id' FROM assistant.assistant WHERE id = ?", id));

    ApiResponse read = api.get("/v1/assistants/" + id);
    assertEquals(200, read.status(), read::toString);
    assertEquals(body, read.json());
  }

  @Test
  void aMinimalAssistantHasEveryMemberOfTheShape() {
    JsonObject body = api.post("/v1/assistants", "{\"model\": \"gpt-4\"}").json();
    for (String member :
        List.of(
            "id",
            "object",
            "created_at",
            "name",
            "description",
            "model",
            "instructions",
            "tools",
            "tool_resources",
            "response_format",
            "temperature",
            "top_p",
            "metadata",
            "slug",
            "default_model",
            "available_models",
            "updated_at")) {
      assertTrue(body.containsKey(member), member + " missing from " + body);
    }
    assertTrue(body.isNull("default_model"));
    assertTrue(body.isNull("name"));
  }

  @Test
  void modifyChangesOnlyTheMembersSent() {
    String id = create("{\"model\": \"gpt-4\", \"name\": \"Before\", \"instructions\": \"Keep\"}");

    ApiResponse modified =
        api.post("/v1/assistants/" + id, "{\"name\": \"After\", \"temperature\": 0.2}");
    assertEquals(200, modified.status(), modified::toString);
    JsonObject body = modified.json();
    assertEquals(id, body.getString("id"));
    assertEquals("After", body.getString("name"));
    assertEquals("Keep", body.getString("instructions"));
    assertEquals("gpt-4", body.getString("model"));
    assertEquals(0.2, body.getJsonNumber("temperature").doubleValue());

    assertEquals(
        "After", TestDatabase.value("SELECT name FROM assistant.assistant WHERE id = ?", id));
    assertEquals(
        "Keep",
        TestDatabase.value("SELECT instructions FROM assistant.assistant WHERE id = ?", id));
    assertEquals(body, api.get("/v1/assistants/" + id).json());
  }

  @Test
  void deleteAnswersTheDeletionObjectAndRemovesTheRow() {
    String id = create("{\"model\": \"gpt-4\"}");

    ApiResponse deleted = api.delete("/v1/assistants/" + id);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(
        "{\"id\":\"" + id + "\",\"deleted\":true,\"object\":\"assistant.deleted\"}",
        deleted.body());
    assertEquals(
        0, TestDatabase.count("SELECT count(*) FROM assistant.assistant WHERE id = ?", id));

    assertEquals(404, api.get("/v1/assistants/" + id).status());
    assertEquals(404, api.delete("/v1/assistants/" + id).status());
  }

  @Test
  void idsAreRandomNotSequential() {
    String first = create("{\"model\": \"m\"}");
    String second = create("{\"model\": \"m\"}");
    assertNotEquals(first, second);
    assertFalse(first.substring(5, 12).equals(second.substring(5, 12)), first + " " + second);
  }

  @Test
  void pagesThroughAllAssistantsInBothOrders() throws SQLException {
    for (int i = 0; i < 5; i++) {
      create("{\"model\": \"m\", \"name\": \"a" + i + "\"}");
    }
    List<String> ascending = idsInCreationOrder();
    assertEquals(5, ascending.size());
    List<String> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);

    assertEquals(ascending, walk("asc"));
    assertEquals(descending, walk("desc"));
    assertEquals(descending, walk(null), "newest first by default");

    JsonObject defaults = api.get("/v1/assistants").json();
    assertEquals("list", defaults.getString("object"));
    assertEquals(5, defaults.getJsonArray("data").size());
    assertEquals(descending.get(0), defaults.getString("first_id"));
    assertEquals(descending.get(4), defaults.getString("last_id"));
    assertFalse(defaults.getBoolean("has_more"));
  }

  @Test
  void pagesBackwardsWithBeforeAndBetweenTwoCursors() throws SQLException {
    for (int i = 0; i < 5; i++) {
      create("{\"model\": \"m\"}");
    }
    List<String> asc = idsInCreationOrder();

    JsonObject beforeLast = api.get("/v1/assistants?order=asc&limit=2&before=" + asc.get(4)).json();
    assertEquals(List.of(asc.get(2), asc.get(3)), ids(beforeLast));
    assertTrue(beforeLast.getBoolean("has_more"));

    JsonObject newestBefore =
        api.get("/v1/assistants?order=desc&limit=2&before=" + asc.get(0)).json();
    assertEquals(List.of(asc.get(2), asc.get(1)), ids(newestBefore));

    JsonObject between =
        api.get("/v1/assistants?order=asc&after=" + asc.get(0) + "&before=" + asc.get(4)).json();
    assertEquals(asc.subList(1, 4), ids(between));
    assertFalse(between.getBoolean("has_more"));

    JsonObject empty = api.get("/v1/assistants?order=asc&after=" + asc.get(4)).json();
    assertEquals(List.of(), ids(empty));
    assertTrue(empty.isNull("first_id"));
    assertTrue(empty.isNull("last_id"));
    assertFalse(empty.getBoolean("has_more"));
  }

  /** Follows after-cursors page by page (limit 2), checking has_more and first/last ids. */
  private List<String> walk(String order) {
    List<String> seen = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 10; page++) {
      String query =
          "/v1/assistants?limit=2"
              + (order == null ? "" : "&order=" + order)
              + (after == null ? "" : "&after=" + after);
      ApiResponse response = api.get(query);
      assertEquals(200, response.status(), response::toString);
      JsonObject body = response.json();
      List<String> ids = ids(body);
      seen.addAll(ids);
      assertEquals(ids.get(0), body.getString("first_id"));
      assertEquals(ids.get(ids.size() - 1), body.getString("last_id"));
      if (!body.getBoolean("has_more")) {
        return seen;
      }
      assertEquals(2, ids.size());
      after = body.getString("last_id");
    }
    throw new AssertionError("pagination did not end");
  }

  private static List<String> ids(JsonObject list) {
    return list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(a -> a.getString("id"))
        .toList();
  }

  private static List<String> idsInCreationOrder() throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = TestDatabase.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT id FROM assistant.assistant ORDER BY created_at, id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private String create(String json) {
    ApiResponse created = api.post("/v1/assistants", json);
    assertEquals(200, created.status(), created::toString);
    return created.json().getString("id");
  }
}
