package io.openassist.assistant.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantDefinition;
import io.openassist.assistant.domain.FileSearchTool;
import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.ModelRef;
import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.common.error.ConstraintViolationExceptionMapper;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.web.JsonbConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The way in of an assistant definition, without HTTP: the JSON bound as the API binds it, the
 * request's Bean Validation constraints, the typed members, then the domain's rules across members.
 * Each broken rule is reported with the field as the caller wrote it.
 */
class AssistantRequestTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void limitsModelNameDescriptionAndInstructionsToOpenAisLengths() {
    assertAccepted("{\"model\": \"m\", \"name\": \"" + "n".repeat(256) + "\"}");
    assertRejected("model", "{\"model\": \"\"}");
    assertRejected("model", "{\"model\": \"" + "m".repeat(257) + "\"}");
    assertRejected("name", "{\"model\": \"m\", \"name\": \"" + "n".repeat(257) + "\"}");
    assertRejected(
        "description", "{\"model\": \"m\", \"description\": \"" + "d".repeat(513) + "\"}");
    assertRejected(
        "instructions", "{\"model\": \"m\", \"instructions\": \"" + "i".repeat(256_001) + "\"}");
  }

  @Test
  void boundsTemperatureAndTopP() {
    assertAccepted("{\"model\": \"m\", \"temperature\": 0, \"top_p\": 0}");
    assertAccepted("{\"model\": \"m\", \"temperature\": 2, \"top_p\": 1}");
    assertRejected("temperature", "{\"model\": \"m\", \"temperature\": 2.01}");
    assertRejected("temperature", "{\"model\": \"m\", \"temperature\": -0.1}");
    assertRejected("top_p", "{\"model\": \"m\", \"top_p\": 1.5}");
  }

  @Test
  void readsEachKindOfToolIntoItsType() {
    AssistantDefinition d =
        definition(
            "{\"model\": \"m\", \"tools\": [{\"type\": \"code_interpreter\"},"
                + " {\"type\": \"file_search\", \"file_search\": {\"max_num_results\": 5,"
                + " \"ranking_options\": {\"ranker\": \"auto\", \"score_threshold\": 0.5}}},"
                + " {\"type\": \"function\", \"function\": {\"name\": \"get_weather\","
                + " \"description\": \"Weather\", \"parameters\": {\"type\": \"object\"},"
                + " \"strict\": true}}]}");
    assertEquals("code_interpreter", d.tools().get(0).type());
    assertEquals(new FileSearchTool(5, "auto", 0.5), d.tools().get(1));
    FunctionTool function = assertInstanceOf(FunctionTool.class, d.tools().get(2));
    assertEquals("get_weather", function.name());
    assertEquals(Boolean.TRUE, function.strict());
    assertEquals(
        "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":"
            + "\"Weather\",\"parameters\":{\"type\":\"object\"},\"strict\":true}}",
        function.toJson().toString(),
        "the wire and stored form is OpenAI's tool object");
  }

  @Test
  void acceptsOnlyKnownToolsWithTheirOwnSettings() {
    assertRejected("tools[0].type", "{\"model\": \"m\", \"tools\": [{\"type\": \"browser\"}]}");
    assertRejected("tools[0].type", "{\"model\": \"m\", \"tools\": [{}]}");
    assertRejected("tools[0]", "{\"model\": \"m\", \"tools\": [null]}");
    assertRejected(
        "tools[0].function", "{\"model\": \"m\", \"tools\": [{\"type\": \"function\"}]}");
    assertRejected(
        "tools[0].function.name",
        "{\"model\": \"m\", \"tools\": [{\"type\": \"function\","
            + " \"function\": {\"name\": \"has space\"}}]}");
    assertRejected(
        "tools[1].function",
        "{\"model\": \"m\", \"tools\": [{\"type\": \"code_interpreter\"},"
            + " {\"type\": \"file_search\", \"function\": {\"name\": \"f\"}}]}");
    assertRejected(
        "tools[0].file_search.max_num_results",
        "{\"model\": \"m\", \"tools\": [{\"type\": \"file_search\","
            + " \"file_search\": {\"max_num_results\": 51}}]}");
    assertRejected(
        "tools[0].file_search.ranking_options.score_threshold",
        "{\"model\": \"m\", \"tools\": [{\"type\": \"file_search\","
            + " \"file_search\": {\"ranking_options\": {\"score_threshold\": 2}}}]}");
    assertThrows(
        JsonbException.class,
        () -> bind("{\"model\": \"m\", \"tools\": [\"code_interpreter\"]}"),
        "a tool that is not an object is refused while binding (a 400 malformed_json)");
  }

  @Test
  void acceptsAtMost128Tools() {
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < 129; i++) {
      many.add(Json.createObjectBuilder().add("type", "code_interpreter"));
    }
    assertRejected("tools", "{\"model\": \"m\", \"tools\": " + many.build() + "}");
  }

  @Test
  void readsResponseFormatsIntoTheirTypes() {
    assertEquals(ResponseFormat.AUTO, definition("{\"model\": \"m\"}").responseFormat());
    assertEquals(
        ResponseFormat.AUTO,
        definition("{\"model\": \"m\", \"response_format\": \"auto\"}").responseFormat());
    assertEquals(
        ResponseFormat.JSON_OBJECT,
        definition("{\"model\": \"m\", \"response_format\": {\"type\": \"json_object\"}}")
            .responseFormat());
    ResponseFormat schema =
        definition(
                "{\"model\": \"m\", \"response_format\": {\"type\": \"json_schema\","
                    + " \"json_schema\": {\"name\": \"answer\", \"schema\": {\"type\": \"object\"},"
                    + " \"strict\": true}}}")
            .responseFormat();
    assertEquals(
        new ResponseFormat.JsonSchemaMode(
            "answer", null, Json.createObjectBuilder().add("type", "object").build(), true),
        schema);
    assertRejected("response_format", "{\"model\": \"m\", \"response_format\": \"xml\"}");
    assertRejected("response_format", "{\"model\": \"m\", \"response_format\": 1}");
    assertRejected(
        "response_format.type", "{\"model\": \"m\", \"response_format\": {\"type\": \"xml\"}}");
    assertRejected(
        "response_format.json_schema",
        "{\"model\": \"m\", \"response_format\": {\"type\": \"json_schema\"}}");
    assertRejected(
        "response_format.json_schema.name",
        "{\"model\": \"m\", \"response_format\": {\"type\": \"json_schema\","
            + " \"json_schema\": {\"name\": \"has space\"}}}");
  }

  @Test
  void checksSlugs() {
    assertAccepted("{\"model\": \"m\", \"slug\": \"support-bot-2\"}");
    assertRejected("slug", "{\"model\": \"m\", \"slug\": \"Support Bot\"}");
    assertRejected("slug", "{\"model\": \"m\", \"slug\": \"-edge\"}");
    assertRejected("slug", "{\"model\": \"m\", \"slug\": \"" + "a".repeat(65) + "\"}");
  }

  @Test
  void readsModelReferences() {
    AssistantDefinition d =
        definition(
            "{\"model\": \"m\", \"default_model\": {\"id\": \"gpt-4o\", \"provider\": \"openai\"},"
                + " \"available_models\": [{\"id\": \"gpt-4o\", \"provider\": \"openai\"}]}");
    assertEquals(new ModelRef("openai", "gpt-4o"), d.defaultModel());
    assertEquals("openai/gpt-4o", d.availableModels().get(0).key());
    assertRejected(
        "default_model.provider", "{\"model\": \"m\", \"default_model\": {\"id\": \"x\"}}");
    assertRejected(
        "available_models[0].id",
        "{\"model\": \"m\", \"available_models\": [{\"id\": \" \", \"provider\": \"p\"}]}");
    assertRejected(
        "default_model",
        "{\"model\": \"m\", \"default_model\": {\"id\": \"claude\", \"provider\": \"anthropic\"},"
            + " \"available_models\": [{\"id\": \"gpt-4o\", \"provider\": \"openai\"}]}");
  }

  private static AssistantRequest bind(String json) {
    return JsonbConfiguration.JSONB.fromJson(json, AssistantRequest.class);
  }

  /** Binds and validates as the API does, then applies the domain's rules by creating it. */
  private static List<String> rejectedFields(String json) {
    AssistantRequest request = bind(json);
    List<String> violations =
        VALIDATOR.validate(request).stream()
            .map(ConstraintViolationExceptionMapper::fieldName)
            .sorted()
            .toList();
    if (!violations.isEmpty()) {
      return violations;
    }
    try {
      Assistant.create("asst_0123456789", "org_1", "user_1", request.toDefinition(), Instant.now());
      return List.of();
    } catch (InvalidRequestException e) {
      return e.fieldErrors().stream().map(FieldError::field).toList();
    }
  }

  private static AssistantDefinition definition(String json) {
    assertAccepted(json);
    return Assistant.create(
            "asst_0123456789", "org_1", "user_1", bind(json).toDefinition(), Instant.now())
        .definition();
  }

  private static void assertAccepted(String json) {
    assertEquals(List.of(), rejectedFields(json), json);
  }

  private static void assertRejected(String field, String json) {
    assertEquals(List.of(field), rejectedFields(json), json);
  }
}
