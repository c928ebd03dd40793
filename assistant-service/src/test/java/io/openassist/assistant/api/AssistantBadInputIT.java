package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.HostileInput;
import io.openassist.testing.HttpApi;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a request to {@code /v1/assistants} can be wrong: each answers a 4xx in the common
 * problem shape, and none of them changes a row.
 */
class AssistantBadInputIT {

  private static final String EXISTING_NAME = "Untouched";

  private HttpApi api;
  private String existingId;
  private String existingRow;

  @BeforeEach
  void oneAssistantExists() {
    Tenant.resetAssistantSchema();
    api = new HttpApi().as(Tenant.onboard(new HttpApi(), "Bad input").adminKey());
    ApiResponse created =
        api.post(
            "/v1/assistants",
            "{\"model\": \"gpt-4\", \"name\": \"" + EXISTING_NAME + "\", \"slug\": \"taken\"}");
    assertEquals(200, created.status(), created::toString);
    existingId = created.json().getString("id");
    existingRow = snapshot();
  }

  /** Bodies that break one of OpenAI's rules, and the field the problem must name. */
  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("{}", "model"),
        Arguments.of("{\"model\": \"\"}", "model"),
        Arguments.of("{\"model\": \"m\", \"name\": \"" + "n".repeat(257) + "\"}", "name"),
        Arguments.of(
            "{\"model\": \"m\", \"description\": \"" + "d".repeat(513) + "\"}", "description"),
        Arguments.of(
            "{\"model\": \"m\", \"instructions\": \"" + "i".repeat(256_001) + "\"}",
            "instructions"),
        Arguments.of("{\"model\": \"m\", \"temperature\": 2.5}", "temperature"),
        Arguments.of("{\"model\": \"m\", \"temperature\": -1}", "temperature"),
        Arguments.of("{\"model\": \"m\", \"top_p\": 1.01}", "top_p"),
        Arguments.of("{\"model\": \"m\", \"metadata\": " + pairs(17) + "}", "metadata"),
        Arguments.of(
            "{\"model\": \"m\", \"metadata\": {\"" + "k".repeat(65) + "\": \"v\"}}", "metadata"),
        Arguments.of(
            "{\"model\": \"m\", \"metadata\": {\"k\": \"" + "v".repeat(513) + "\"}}", "metadata.k"),
        Arguments.of("{\"model\": \"m\", \"tools\": [{\"type\": \"browser\"}]}", "tools[0].type"),
        Arguments.of(
            "{\"model\": \"m\", \"tools\": [{\"type\": \"function\"}]}", "tools[0].function"),
        Arguments.of("{\"model\": \"m\", \"response_format\": \"xml\"}", "response_format"),
        Arguments.of("{\"model\": \"m\", \"slug\": \"Not A Slug\"}", "slug"),
        Arguments.of(
            "{\"model\": \"m\", \"default_model\": {\"id\": \"x\"}}", "default_model.provider"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void createRejectsEachBrokenRuleAndStoresNothing(String body, String field) {
    ApiResponse response = api.post("/v1/assistants", body);
    JsonObject problem = assertProblem(response, 400, "validation_failed");
    List<String> fields =
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("field"))
            .toList();
    assertEquals(List.of(field), fields, response::toString);
    assertNothingChanged();
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void modifyRejectsEachBrokenRuleAndChangesNothing(String body, String field) {
    if (field.equals("model") && body.equals("{}")) {
      return; // an empty modification is valid: it changes nothing
    }
    ApiResponse response = api.post("/v1/assistants/" + existingId, body);
    assertProblem(response, 400, "validation_failed");
    assertNothingChanged();
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        Arguments.of("{\"model\": \"m\",", "truncated JSON"),
        Arguments.of("not json", "not JSON at all"),
        Arguments.of("{\"model\": \"m\", \"temperature\": \"hot\"}", "a string for a number"),
        Arguments.of("{\"model\": [\"m\"]}", "an array for a string"),
        Arguments.of("{\"model\": \"m\", \"tools\": {}}", "an object for an array"),
        Arguments.of(
            "{\"model\": \"m\", \"id\": \"asst_chosen\"}", "a member the caller may not set"),
        Arguments.of("{\"model\": \"m\", \"created_at\": 1}", "a member the caller may not set"),
        Arguments.of("{\"model\": \"m\", \"modle\": \"typo\"}", "an unknown member"),
        Arguments.of("[]", "an array instead of an object"));
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void rejectsMalformedBodiesOnCreate(String body, String what) {
    assertProblem(api.post("/v1/assistants", body), 400, "malformed_json");
    assertNothingChanged();
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void rejectsMalformedBodiesOnModify(String body, String what) {
    assertProblem(api.post("/v1/assistants/" + existingId, body), 400, "malformed_json");
    assertNothingChanged();
  }

  @Test
  void rejectsAMissingBody() {
    assertProblem(api.post("/v1/assistants", ""), 400, "missing_body");
    assertProblem(api.post("/v1/assistants/" + existingId, ""), 400, "missing_body");
    assertNothingChanged();
  }

  @Test
  void rejectsATakenSlugWithAConflict() {
    assertProblem(
        api.post("/v1/assistants", "{\"model\": \"m\", \"slug\": \"taken\"}"), 409, "slug_taken");
    assertNothingChanged();
    ApiResponse other = api.post("/v1/assistants", "{\"model\": \"m\", \"slug\": \"other\"}");
    String otherId = other.json().getString("id");
    assertProblem(
        api.post("/v1/assistants/" + otherId, "{\"slug\": \"taken\"}"), 409, "slug_taken");
    assertEquals(
        "other", TestDatabase.value("SELECT slug FROM assistant.assistant WHERE id = ?", otherId));
  }

  @Test
  void answersUnknownIdsWith404OnEveryMethod() {
    String missing = "asst_doesNotExist0000000000";
    JsonObject onGet = assertProblem(api.get("/v1/assistants/" + missing), 404, "not_found");
    assertProblem(api.post("/v1/assistants/" + missing, "{\"name\": \"x\"}"), 404, "not_found");
    assertProblem(api.delete("/v1/assistants/" + missing), 404, "not_found");
    assertEquals("No assistant with this id exists", onGet.getString("detail"));
    assertNothingChanged();
  }

  @Test
  void rejectsUnsupportedMediaTypes() {
    assertProblem(
        api.send("POST", "/v1/assistants", "model=gpt-4", "application/x-www-form-urlencoded"),
        415,
        "unsupported_media_type");
    assertProblem(
        api.send("POST", "/v1/assistants/" + existingId, "{}", "text/plain"),
        415,
        "unsupported_media_type");
    assertNothingChanged();
  }

  @Test
  void rejectsUnsupportedMethods() {
    ApiResponse put = api.send("PUT", "/v1/assistants/" + existingId, "{}", "application/json");
    assertProblem(put, 405, "method_not_allowed");
    assertProblem(
        api.send("PATCH", "/v1/assistants", "{}", "application/json"), 405, "method_not_allowed");
    assertNothingChanged();
  }

  @Test
  void rejectsBadListParameters() {
    assertProblem(api.get("/v1/assistants?limit=0"), 400, "validation_failed");
    assertProblem(api.get("/v1/assistants?limit=101"), 400, "validation_failed");
    assertProblem(api.get("/v1/assistants?limit=ten"), 400, "validation_failed");
    assertProblem(api.get("/v1/assistants?order=sideways"), 400, "validation_failed");
    JsonObject cursor =
        assertProblem(api.get("/v1/assistants?after=asst_unknown"), 400, "validation_failed");
    assertEquals("after", cursor.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertProblem(api.get("/v1/assistants?before=asst_unknown"), 400, "validation_failed");
  }

  @Test
  void echoesACallersRequestIdAndMintsOneOtherwise() {
    ApiResponse minted = api.get("/v1/assistants/asst_missing");
    assertTrue(minted.header("X-Request-Id").startsWith("req_"));
    assertEquals(minted.header("X-Request-Id"), minted.json().getString("request_id"));
  }

  private JsonObject assertProblem(ApiResponse response, int status, String code) {
    return HostileInput.assertProblem(response, status, code);
  }

  private void assertNothingChanged() {
    assertEquals(1, TestDatabase.count("SELECT count(*) FROM assistant.assistant"));
    assertEquals(existingRow, snapshot());
  }

  private String snapshot() {
    return String.valueOf(
        TestDatabase.value(
            "SELECT row_to_json(a)::text FROM assistant.assistant a WHERE id = ?", existingId));
  }

  private static String pairs(int count) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
    }
    return json.append("}").toString();
  }
}
