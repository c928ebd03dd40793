package io.openassist.assistant.api;

import io.openassist.assistant.domain.AssistantDefinition;
import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.assistant.domain.Tool;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of create and modify, in the OpenAI assistant shape plus Metorial's {@code slug}, {@code
 * default_model} and {@code available_models} (each model as {@code {id, provider}}). Members that
 * are not here (id, object, created_at, ...) are rejected as unknown. The limits are OpenAI's; a
 * missing member means "default" on create and "unchanged" on modify.
 */
public record AssistantRequest(
    @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String model,
    @Size(max = 256, message = "must be at most {max} characters") String name,
    @Size(max = 512, message = "must be at most {max} characters") String description,
    @Size(max = 256_000, message = "must be at most {max} characters") String instructions,
    @Size(max = 128, message = "must have at most {max} tools")
        List<@NotNull(message = "must be a tool object") @Valid ToolRequest> tools,
    JsonObject toolResources,
    JsonValue responseFormat,
    @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2")
        Double temperature,
    @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        Double topP,
    JsonObject metadata,
    @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?",
            message =
                "must be 1 to 64 lowercase letters, digits and inner hyphens, e.g. 'support-bot'")
        String slug,
    @Valid ModelRefRequest defaultModel,
    @Size(max = 64, message = "must have at most {max} models")
        List<@NotNull(message = "must be an object with id and provider") @Valid ModelRefRequest>
            availableModels) {

  /** The definition these members give; the rules across members are the domain's to check. */
  AssistantDefinition toDefinition() {
    List<FieldError> errors = new ArrayList<>();
    List<Tool> typedTools = null;
    if (tools != null) {
      typedTools = new ArrayList<>(tools.size());
      for (int i = 0; i < tools.size(); i++) {
        typedTools.add(tools.get(i).toTool("tools[" + i + "]", errors));
      }
    }
    ResponseFormat format = ResponseFormatParser.parse(responseFormat, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new AssistantDefinition(
        model,
        name,
        description,
        instructions,
        typedTools == null ? null : List.copyOf(typedTools),
        toolResources,
        format,
        temperature,
        topP,
        metadata,
        slug,
        defaultModel == null ? null : defaultModel.toModelRef(),
        availableModels == null
            ? null
            : availableModels.stream().map(ModelRefRequest::toModelRef).toList());
  }
}
