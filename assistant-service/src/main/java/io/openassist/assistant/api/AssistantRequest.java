package io.openassist.assistant.api;

import io.openassist.assistant.domain.AssistantDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of create and modify, in the OpenAI assistant shape plus Metorial's {@code slug}, {@code
 * default_model} and {@code available_models} (each model as {@code {id, provider}}). Members that
 * are not here (id, object, created_at, ...) are rejected as unknown.
 */
public record AssistantRequest(
    String model,
    String name,
    String description,
    String instructions,
    JsonArray tools,
    @JsonbProperty("tool_resources") JsonObject toolResources,
    @JsonbProperty("response_format") JsonValue responseFormat,
    Double temperature,
    @JsonbProperty("top_p") Double topP,
    JsonObject metadata,
    String slug,
    @JsonbProperty("default_model") JsonObject defaultModel,
    @JsonbProperty("available_models") JsonArray availableModels) {

  AssistantDefinition toDefinition() {
    return new AssistantDefinition(
        model,
        name,
        description,
        instructions,
        tools,
        toolResources,
        responseFormat == null || responseFormat.getValueType() == JsonValue.ValueType.NULL
            ? null
            : responseFormat,
        temperature,
        topP,
        metadata,
        slug,
        defaultModel,
        availableModels);
  }
}
