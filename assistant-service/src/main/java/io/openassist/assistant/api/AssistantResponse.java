package io.openassist.assistant.api;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.ModelRef;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
    long createdAt,
    String name,
    String description,
    String model,
    String instructions,
    JsonArray tools,
    JsonValue toolResources,
    JsonValue responseFormat,
    Double temperature,
    Double topP,
    JsonObject metadata,
    String slug,
    JsonValue defaultModel,
    JsonArray availableModels,
    long updatedAt) {

  public static AssistantResponse from(Assistant a) {
    JsonArrayBuilder tools = Jsonp.arrayBuilder();
    a.tools().forEach(tool -> tools.add(tool.toJson()));
    JsonArrayBuilder models = Jsonp.arrayBuilder();
    a.availableModels().forEach(model -> models.add(modelObject(model)));
    return new AssistantResponse(
        a.id(),
        "assistant",
        a.createdAt().getEpochSecond(),
        a.name(),
        a.description(),
        a.model(),
        a.instructions(),
        tools.build(),
        orNull(a.toolResources()),
        a.responseFormat() == null ? JsonValue.NULL : a.responseFormat().toJson(),
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

  /** A model reference as Metorial's {@code assistant.model} object. */
  private static JsonObject modelObject(ModelRef model) {
    return Jsonp.objectBuilder()
        .add("object", "assistant.model")
        .add("id", model.id())
        .add(
            "provider",
            Jsonp.objectBuilder()
                .add("object", "assistant.model_provider")
                .add("id", model.provider()))
        .build();
  }
}
