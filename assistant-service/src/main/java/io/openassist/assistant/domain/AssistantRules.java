package io.openassist.assistant.domain;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.web.json.Metadata;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a complete assistant definition must keep that no single request member can check on
 * its own: a model is required once defaults and changes are applied, the default model must be one
 * of the available ones (each listed once), and the opaque JSON members ({@code metadata}, {@code
 * tool_resources}) keep OpenAI's limits. The rules of single members (lengths, ranges, tool and
 * model shapes) are Bean Validation constraints of the request. Every broken rule is reported, each
 * with the field it concerns, in one 400.
 */
public final class AssistantRules {

  public static final Set<String> TOOL_RESOURCE_TYPES =
      Set.of(CodeInterpreterTool.TYPE, FileSearchTool.TYPE);

  private final List<FieldError> errors = new ArrayList<>();

  private AssistantRules() {}

  /**
   * Checks a complete definition (after defaults or changes are applied); throws naming every rule
   * broken.
   */
  public static void check(AssistantDefinition definition) {
    AssistantRules rules = new AssistantRules();
    rules.checkAll(definition);
    if (!rules.errors.isEmpty()) {
      throw new InvalidRequestException(rules.errors);
    }
  }

  /** The metadata rules (OpenAI's: 16 string pairs, short keys and values) on their own. */
  public static List<FieldError> metadataErrors(JsonObject metadata) {
    AssistantRules rules = new AssistantRules();
    rules.checkMetadata(metadata);
    return rules.errors;
  }

  private void checkAll(AssistantDefinition d) {
    if (d.model() == null || d.model().isBlank()) {
      reject("model", "is required");
    }
    checkToolResources(d.toolResources());
    checkMetadata(d.metadata());
    checkModels(d.defaultModel(), d.availableModels());
  }

  private void checkToolResources(JsonObject resources) {
    if (resources == null) {
      return;
    }
    for (var entry : resources.entrySet()) {
      String field = "tool_resources." + entry.getKey();
      if (!TOOL_RESOURCE_TYPES.contains(entry.getKey())) {
        reject(field, "is not a tool resource; use code_interpreter or file_search");
      } else if (entry.getValue().getValueType() != JsonValue.ValueType.OBJECT
          && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
        reject(field, "must be an object or null");
      }
    }
  }

  private void checkMetadata(JsonObject metadata) {
    errors.addAll(Metadata.errors(metadata));
  }

  private void checkModels(ModelRef defaultModel, List<ModelRef> availableModels) {
    Set<String> available = new HashSet<>();
    if (availableModels != null) {
      for (int i = 0; i < availableModels.size(); i++) {
        if (!available.add(availableModels.get(i).key())) {
          reject("available_models[" + i + "]", "is listed twice");
        }
      }
    }
    if (defaultModel != null && !available.isEmpty() && !available.contains(defaultModel.key())) {
      reject("default_model", "must be one of available_models");
    }
  }

  private void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
