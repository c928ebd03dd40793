package io.openassist.assistant.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
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
  void checksToolResourceKinds() {
    assertRejected("tool_resources.browser", toolResources(json("{\"browser\":{}}")));
    assertDoesNotThrow(
        () ->
            AssistantRules.check(
                toolResources(
                    json("{\"code_interpreter\":{\"file_ids\":[]},\"file_search\":null}"))));
  }

  @Test
  void requiresTheDefaultModelToBeAvailable() {
    List<ModelRef> available = List.of(new ModelRef("openai", "gpt-4o"));
    assertDoesNotThrow(
        () -> AssistantRules.check(models(new ModelRef("openai", "gpt-4o"), available)));
    assertRejected("default_model", models(new ModelRef("anthropic", "claude"), available));
    assertRejected(
        "available_models[1]", models(null, List.of(available.get(0), available.get(0))));
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
                        null,
                        null,
                        null,
                        null,
                        json("{\"browser\": {}}"),
                        null,
                        null,
                        null,
                        json("{\"k\": 1}"),
                        null,
                        null,
                        null)));
    assertEquals(
        List.of("model", "tool_resources.browser", "metadata.k"),
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

  private static AssistantDefinition metadata(JsonObject metadata) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, null, null, metadata, null, null, null);
  }

  private static AssistantDefinition toolResources(JsonObject resources) {
    return new AssistantDefinition(
        "m", null, null, null, null, resources, null, null, null, null, null, null, null);
  }

  private static AssistantDefinition models(ModelRef defaultModel, List<ModelRef> available) {
    return new AssistantDefinition(
        "m", null, null, null, null, null, null, null, null, null, null, defaultModel, available);
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
