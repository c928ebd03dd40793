package io.openassist.common.web.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParsingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyInspectorTest {

  record Function(String name, JsonObject parameters) {}

  record Tool(String type, Function function) {}

  record Request(
      String model,
      Double temperature,
      Integer limit,
      Boolean stream,
      List<Tool> tools,
      JsonObject metadata,
      JsonArray extra,
      JsonValue anything,
      Map<String, String> labels,
      @JsonbProperty("user_id") String userId,
      String topP) {}

  private final JsonBodyInspector inspector = new JsonBodyInspector(64);

  private InvalidRequestException rejected(String json) {
    return rejected(json.getBytes(StandardCharsets.UTF_8));
  }

  private InvalidRequestException rejected(byte[] body) {
    return assertThrows(
        InvalidRequestException.class, () -> inspector.inspect(body, JsonShape.of(Request.class)));
  }

  private void accepted(String json) {
    assertDoesNotThrow(
        () ->
            inspector.inspect(json.getBytes(StandardCharsets.UTF_8), JsonShape.of(Request.class)));
  }

  @Test
  void acceptsEveryMemberWithItsOwnType() {
    accepted(
        """
        {"model": "m", "temperature": 1, "limit": 3, "stream": true,
         "tools": [{"type": "function", "function": {"name": "f", "parameters": {"a": [1, {"b": null}]}}}],
         "metadata": {"k": "v"}, "extra": [1, "x"], "anything": 5, "labels": {"a": "b"},
         "user_id": "u", "top_p": "named by the strategy", "model": null}
        """);
    accepted("{\"emoji\": 1}".replace("emoji", "model").replace("1", "\"\\ud83d\\ude00 😀\""));
  }

  @Test
  void refusesAStringMemberGivenANumberNamingTheField() {
    InvalidRequestException e = rejected("{\"model\": 5}");
    assertEquals("malformed_json", e.code());
    assertEquals(List.of(new FieldError("model", "must be a string")), e.fieldErrors());
  }

  @Test
  void refusesEveryWrongTypeWithItsPath() {
    InvalidRequestException e =
        rejected(
            "{\"temperature\": \"1\", \"limit\": 1.5, \"stream\": \"true\", \"metadata\": [],"
                + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": 7}}],"
                + " \"labels\": {\"a\": false}}");
    assertEquals(
        List.of(
            new FieldError("temperature", "must be a number"),
            new FieldError("limit", "must be an integer"),
            new FieldError("stream", "must be a boolean"),
            new FieldError("metadata", "must be an object"),
            new FieldError("tools[0].function.name", "must be a string"),
            new FieldError("labels.a", "must be a string")),
        e.fieldErrors());
  }

  @Test
  void refusesUnknownMembersOfARecordButNotOfOpenObjects() {
    InvalidRequestException e = rejected("{\"modle\": \"x\", \"metadata\": {\"any\": 1}}");
    assertEquals("malformed_json", e.code());
    assertEquals(
        List.of(new FieldError("modle", "is not a member of this object")), e.fieldErrors());
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    assertEquals(
        List.of(new FieldError("body", "must be an object")), rejected("[]").fieldErrors());
    assertEquals(
        List.of(new FieldError("body", "must be an object")), rejected("\"x\"").fieldErrors());
  }

  @Test
  void refusesNulInValuesAndNames() {
    InvalidRequestException e = rejected("{\"model\": \"a\\u0000b\"}");
    assertEquals("validation_failed", e.code());
    assertEquals("model", e.fieldErrors().get(0).field());
    assertEquals(
        "metadata.k\u0000",
        rejected("{\"metadata\": {\"k\\u0000\": \"v\"}}").fieldErrors().get(0).field());
    assertEquals(
        "tools[1].type",
        rejected("{\"tools\": [{\"type\": \"ok\"}, {\"type\": \"\\u0000\"}]}")
            .fieldErrors()
            .get(0)
            .field());
  }

  @Test
  void refusesUnpairedSurrogates() {
    assertEquals("model", rejected("{\"model\": \"\\ud800\"}").fieldErrors().get(0).field());
    assertEquals("model", rejected("{\"model\": \"x\\udc00y\"}").fieldErrors().get(0).field());
    assertEquals("model", rejected("{\"model\": \"\\ud83d\\ud83d\"}").fieldErrors().get(0).field());
  }

  @Test
  void refusesBytesThatAreNotUtf8NamingTheField() {
    byte[] body =
        "{\"model\": \"ok\", \"metadata\": {\"k\": \"a?b\"}}".getBytes(StandardCharsets.UTF_8);
    int at = new String(body, StandardCharsets.UTF_8).indexOf('?');
    body[at] = (byte) 0xC3; // a lead byte with no continuation
    InvalidRequestException e = rejected(body);
    assertEquals("validation_failed", e.code());
    assertEquals(List.of(new FieldError("metadata.k", "is not valid UTF-8")), e.fieldErrors());

    byte[] surrogate = "{\"model\": \"xxx\"}".getBytes(StandardCharsets.UTF_8);
    surrogate[11] = (byte) 0xED; // CESU-8 encoded surrogate U+D800
    surrogate[12] = (byte) 0xA0;
    surrogate[13] = (byte) 0x80;
    assertEquals("model", rejected(surrogate).fieldErrors().get(0).field());
  }

  @Test
  void refusesNestingBeyondTheLimitWithoutRecursing() {
    String deep = "{\"anything\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    InvalidRequestException e = rejected(deep);
    assertEquals("nesting_too_deep", e.code());
    accepted("{\"anything\": " + "[".repeat(63) + "]".repeat(63) + "}");
    assertEquals(
        "nesting_too_deep",
        rejected("{\"anything\": " + "[".repeat(64) + "]".repeat(64) + "}").code());
  }

  @Test
  void leavesSyntaxErrorsToTheParserException() {
    assertThrows(
        JsonParsingException.class,
        () ->
            inspector.inspect(
                "{\"model\": ".getBytes(StandardCharsets.UTF_8), JsonShape.of(Request.class)));
  }

  @Test
  void namesMembersAsTheApiDoes() {
    assertEquals("top_p", JsonShape.snakeCase("topP"));
    assertEquals("available_models", JsonShape.snakeCase("availableModels"));
    assertEquals("model", JsonShape.snakeCase("model"));
  }
}
