package io.openassist.assistant.domain;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * Everything a caller may set on an assistant, in the OpenAI assistant shape plus Metorial's slug
 * and models. A null member means "not given": on create it takes the default, on modify it leaves
 * the stored value as it is. Typed members ({@link Tool}, {@link ResponseFormat}, {@link ModelRef})
 * arrive checked; {@code metadata} and {@code tool_resources} are opaque JSON checked by {@link
 * AssistantRules}. What it may not set (id, creation time) is not here at all.
 */
public record AssistantDefinition(
    String model,
    String name,
    String description,
    String instructions,
    List<Tool> tools,
    JsonObject toolResources,
    ResponseFormat responseFormat,
    Double temperature,
    Double topP,
    JsonObject metadata,
    String slug,
    ModelRef defaultModel,
    List<ModelRef> availableModels) {

  /** This definition with every member the changes give replaced by the changed value. */
  public AssistantDefinition with(AssistantDefinition changes) {
    return new AssistantDefinition(
        pick(changes.model, model),
        pick(changes.name, name),
        pick(changes.description, description),
        pick(changes.instructions, instructions),
        pick(changes.tools, tools),
        pick(changes.toolResources, toolResources),
        pick(changes.responseFormat, responseFormat),
        pick(changes.temperature, temperature),
        pick(changes.topP, topP),
        pick(changes.metadata, metadata),
        pick(changes.slug, slug),
        pick(changes.defaultModel, defaultModel),
        pick(changes.availableModels, availableModels));
  }

  private static <T> T pick(T changed, T current) {
    return changed != null ? changed : current;
  }
}
