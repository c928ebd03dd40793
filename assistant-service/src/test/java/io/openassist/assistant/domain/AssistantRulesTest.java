package io.openassist.assistant.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AssistantRulesTest {

  @Test
  void acceptsTheDefaultsWithAModel() {
    assertDoesNotThrow(() -> AssistantRules.check(valid(d -> d)));
  }

  @Test
  void requiresAModel() {
    assertRejected("model", valid(d -> withModel(d, null)));
    assertRejected("model", valid(d -> withModel(d, " ")));
  }

  @Test
  void limitsNameDescriptionAndInstructionsToOpenAisLengths() {
    assertDoesNotThrow(() -> AssistantRules.check(valid(d -> withName(d, "n".repeat(256)))));
    assertRejected("name", valid(d -> withName(d, "n".repeat(257))));
    assertRejected(
        "description",
        new AssistantDefinition(
            "m",
            null,
            "d".repeat(513),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    assertRejected(
        "instructions",
        new AssistantDefinition(
            "m",
            null,
            null,
            "i".repeat(256_001),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    assertDoesNotThrow(
        () ->
            AssistantRules.check(
                new AssistantDefinition(
                    "m",
                    null,
                    null,
                    "i".repeat(256_000),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  @Test
  void boundsTemperatureAndTopP() {
    assertDoesNotThrow(() -> AssistantRules.check(sampling(0.0, 0.0)));
    assertDoesNotThrow(() -> AssistantRules.check(sampling(2.0, 1.0)));
    assertRejected("temperature", sampling(2.01, null));
    assertRejected("temperature", sampling(-0.1, null));
    assertRejected("top_p", sampling(null, 1.5));
    assertRejected("top_p", sampling(null, Double.NaN));
  }

  @Test
  void limitsMetadataToSixteenShortStringPairs() {
    JsonObjectBuilder sixteen = Json.createObjectBuilder();
    for (int i = 0; i < 16; i++) {
      sixteen.add("k" + i, "v");
    }
    JsonObject sixteenPairs = sixteen.build();
    assertDoesNotThrow(() -> AssistantRules.check(metadata(sixteenPairs)));
    assertRejected(
        "metadata", metadata(Json.createObjectBuilder(sixteenPairs).add("k16", "v").build()));
    assertRejected("metadata", metadata(json("{\"" + "k".repeat(65) + "\": \"v\"}")));
    assertRejected("metadata.k", metadata(json("{\"k\": \"" + "v".repeat(513) + "\"}")));
    assertRejected("metadata.k", metadata(json("{\"k\": 1}")));
  }

  @Test
  void acceptsOnlyKnownToolTypes() {
    assertDoesNotThrow(
        () ->
            AssistantRules.check(
                tools(
                    "[{\"type\":\"code_interpreter\"},{\"type\":\"file_search\"},"
                        + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                        + "\"parameters\":{\"type\":\"object\"}}}]")));
    assertRejected("tools[0].type", tools("[{\"type\":\"browser\"}]"));
    assertRejected("tools[0].type", tools("[{}]"));
    assertRejected("tools[0]", tools("[\"code_interpreter\"]"));
    assertRejected("tools[0].function", tools("[{\"type\":\"function\"}]"));
    assertRejected(
        "tools[0].function.name",
        tools("[{\"type\":\"function\",\"function\":{\"name\":\"has space\"}}]"));
  }

  @Test
  void acceptsAtMost128Tools() {
    var many = Json.createArrayBuilder();
    for (int i = 0; i < 129; i++) {
      many.add(Json.createObjectBuilder().add("type", "code_interpreter"));
    }
    assertRejected("tools", tools(many.build().toString()));
  }

  @Test
  void checksResponseFormat() {
    assertDoesNotThrow(() -> AssistantRules.check(format(Json.createValue("auto"))));
    assertDoesNotThrow(() -> AssistantRules.check(format(json("{\"type\":\"json_object\"}"))));
    assertRejected("response_format", format(Json.createValue("xml")));
    assertRejected("response_format.type", format(json("{\"type\":\"xml\"}")));
    assertRejected("response_format.json_schema", format(json("{\"type\":\"json_schema\"}")));
  }

  @Test
  void checksToolResourceKinds() {
    assertRejected("tool_resources.browser", toolResources(json("{\"browser\":{}}")));
    assertDoesNotThrow(
        () ->
            AssistantRules.check(
                toolResources(
                    json("{\"code_interpreter\":{\"file_ids\":[]},\"file_search\":null}"))));
  }

  @Test
  void checksSlugs() {
    assertDoesNotThrow(() -> AssistantRules.check(slug("support-bot-2")));
    assertRejected("slug", slug("Support Bot"));
    assertRejected("slug", slug("-edge"));
    assertRejected("slug", slug("a".repeat(65)));
  }

  @Test
  void requiresTheDefaultModelToBeAvailable() {
    JsonArray available =
        Json.createReader(new StringReader("[{\"id\":\"gpt-4o\",\"provider\":\"openai\"}]"))
            .readArray();
    assertDoesNotThrow(
        () ->
            AssistantRules.check(
                models(json("{\"id\":\"gpt-4o\",\"provider\":\"openai\"}"), available)));
    assertRejected(
        "default_model", models(json("{\"id\":\"claude\",\"provider\":\"anthropic\"}"), available));
    assertRejected("default_model.provider", models(json("{\"id\":\"gpt-4o\"}"), null));
    assertRejected(
        "available_models[1]",
        models(null, Json.createArrayBuilder(available).add(available.get(0)).build()));
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                AssistantRules.check(
                    new AssistantDefinition(
                        null,
                        "n".repeat(300),
                        null,
                        null,
                        null,
                        null,
                        null,
                        3.0,
                        null,
                        null,
                        null,
                        null,
                        null)));
    assertEquals(
        List.of("model", "name", "temperature"),
        e.fieldErrors().stream().map(FieldError::field).toList());
    assertEquals(400, e.status());
  }

  private static void assertRejected(String field, AssistantDefinition definition) {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> AssistantRules.check(definition));
    assertEquals(
        List.of(field), e.fieldErrors().stream().map(FieldError::field).toList(), e::getMessage);
  }

  private static AssistantDefinition valid(UnaryOperator<AssistantDefinition> change) {
    return change.apply(Assistant.DEFAULTS.with(base()));
  }

  private static AssistantDefinition base() {
    return new AssistantDefinition(
        "gpt-4o", null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static AssistantDefinition withModel(AssistantDefinition d, String model) {
    return new AssistantDefinition(
        model,
        d.name(),
        d.description(),
        d.instructions(),
        d.tools(),
        d.toolResources(),
        d.responseFormat(),
        d.temperature(),
        d.topP(),
        d.metadata(),
        d.slug(),
        d.defaultModel(),
        d.availableModels());
  }

  private static AssistantDefinition withName(AssistantDefinition d, String name) {
    return d.with(
        new AssistantDefinition(
            null, name, null, null, null, null, null, null, null, null, null, null, null));
  }

  private static AssistantDefinition sampling(Double temperature, Double topP) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, temperature, topP, null, null, null, null);
  }

  private static AssistantDefinition metadata(JsonObject metadata) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, null, null, metadata, null, null, null);
  }

  private static AssistantDefinition tools(String tools) {
    return new AssistantDefinition(
        "m",
        null,
        null,
        null,
        Json.createReader(new StringReader(tools)).readArray(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static AssistantDefinition format(JsonValue format) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, format, null, null, null, null, null, null);
  }

  private static AssistantDefinition toolResources(JsonObject resources) {
    return new AssistantDefinition(
        "m", null, null, null, null, resources, null, null, null, null, null, null, null);
  }

  private static AssistantDefinition slug(String slug) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, null, null, null, slug, null, null);
  }

  private static AssistantDefinition models(JsonObject defaultModel, JsonArray available) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, null, null, null, null, defaultModel, available);
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
