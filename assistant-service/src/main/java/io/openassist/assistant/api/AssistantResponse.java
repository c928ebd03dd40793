package io.openassist.assistant.api;

import io.openassist.assistant.domain.Assistant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The assistant object on the wire: OpenAI's assistant (as the Minds seed shows it) plus Metorial's
 * {@code slug}, {@code updated_at} and its model objects.
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "createdAt",
  "name",
  "description",
  "model",
  "instructions",
  "tools",
  "toolResources",
  "responseFormat",
  "temperature",
  "topP",
  "metadata",
  "slug",
  "defaultModel",
  "availableModels",
  "updatedAt"
})
public record AssistantResponse(
    String id,
    String object,
    @JsonbProperty("created_at") long createdAt,
    String name,
    String description,
    String model,
    String instructions,
    JsonArray tools,
    @JsonbProperty("tool_resources") JsonValue toolResources,
    @JsonbProperty("response_format") JsonValue responseFormat,
    Double temperature,
    @JsonbProperty("top_p") Double topP,
    JsonObject metadata,
    String slug,
    @JsonbProperty("default_model") JsonValue defaultModel,
    @JsonbProperty("available_models") JsonArray availableModels,
    @JsonbProperty("updated_at") long updatedAt) {

  static AssistantResponse from(Assistant a) {
    JsonArrayBuilder models = Json.createArrayBuilder();
    a.availableModels().forEach(model -> models.add(modelObject(model.asJsonObject())));
    return new AssistantResponse(
        a.id(),
        "assistant",
        a.createdAt().getEpochSecond(),
        a.name(),
        a.description(),
        a.model(),
        a.instructions(),
        a.tools(),
        orNull(a.toolResources()),
        orNull(a.responseFormat()),
        a.temperature(),
        a.topP(),
        a.metadata(),
        a.slug(),
        a.defaultModel() == null ? JsonValue.NULL : modelObject(a.defaultModel()),
        models.build(),
        a.updatedAt().getEpochSecond());
  }

  /** JSON-B leaves out JSON-typed members that are null; these must be present, as null. */
  private static JsonValue orNull(JsonValue value) {
    return value == null ? JsonValue.NULL : value;
  }

  /** A stored {@code {id, provider}} reference as Metorial's {@code assistant.model} object. */
  private static JsonObject modelObject(JsonObject reference) {
    return Json.createObjectBuilder()
        .add("object", "assistant.model")
        .add("id", reference.getString("id"))
        .add(
            "provider",
            Json.createObjectBuilder()
                .add("object", "assistant.model_provider")
                .add("id", reference.getString("provider")))
        .build();
  }
}
