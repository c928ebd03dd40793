package io.openassist.assistant.domain;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an assistant definition must keep, as OpenAI documents them for its assistant object
 * (lengths, ranges, metadata limits, tool types) plus the slug and model rules of Metorial's shape.
 * Every broken rule is reported, each with the field it concerns, in one 400.
 */
public final class AssistantRules {

  public static final int MAX_MODEL = 256;
  public static final int MAX_NAME = 256;
  public static final int MAX_DESCRIPTION = 512;
  public static final int MAX_INSTRUCTIONS = 256_000;
  public static final int MAX_TOOLS = 128;
  public static final int MAX_METADATA_PAIRS = 16;
  public static final int MAX_METADATA_KEY = 64;
  public static final int MAX_METADATA_VALUE = 512;
  public static final int MAX_MODELS = 64;
  public static final int MAX_PROVIDER = 64;
  public static final Set<String> TOOL_TYPES =
      Set.of("code_interpreter", "file_search", "function");
  public static final Set<String> TOOL_RESOURCE_TYPES = Set.of("code_interpreter", "file_search");
  public static final Set<String> RESPONSE_FORMAT_TYPES =
      Set.of("text", "json_object", "json_schema");

  private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

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

  private void checkAll(AssistantDefinition d) {
    if (d.model() == null || d.model().isBlank()) {
      reject("model", "is required");
    } else {
      maxLength("model", d.model(), MAX_MODEL);
    }
    maxLength("name", d.name(), MAX_NAME);
    maxLength("description", d.description(), MAX_DESCRIPTION);
    maxLength("instructions", d.instructions(), MAX_INSTRUCTIONS);
    range("temperature", d.temperature(), 0, 2);
    range("top_p", d.topP(), 0, 1);
    checkTools(d.tools());
    checkToolResources(d.toolResources());
    checkResponseFormat(d.responseFormat());
    checkMetadata(d.metadata());
    if (d.slug() != null && !SLUG.matcher(d.slug()).matches()) {
      reject(
          "slug",
          "must be 1 to 64 lowercase letters, digits and inner hyphens, e.g. 'support-bot'");
    }
    checkModels(d.defaultModel(), d.availableModels());
  }

  private void checkTools(JsonArray tools) {
    if (tools == null) {
      return;
    }
    if (tools.size() > MAX_TOOLS) {
      reject("tools", "must have at most " + MAX_TOOLS + " tools");
    }
    for (int i = 0; i < tools.size(); i++) {
      String field = "tools[" + i + "]";
      if (!(tools.get(i) instanceof JsonObject tool)) {
        reject(field, "must be an object with a type");
        continue;
      }
      String type = string(tool, "type");
      if (type == null || !TOOL_TYPES.contains(type)) {
        reject(field + ".type", "must be one of code_interpreter, file_search, function");
      } else if (type.equals("function")) {
        checkFunction(field + ".function", tool.get("function"));
      }
    }
  }

  private void checkFunction(String field, JsonValue value) {
    if (!(value instanceof JsonObject function)) {
      reject(field, "is required for a function tool and must be an object");
      return;
    }
    String name = string(function, "name");
    if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
      reject(field + ".name", "must be 1 to 64 letters, digits, underscores or hyphens");
    }
    JsonValue description = function.get("description");
    if (description != null && description.getValueType() != JsonValue.ValueType.STRING) {
      reject(field + ".description", "must be a string");
    }
    JsonValue parameters = function.get("parameters");
    if (parameters != null && parameters.getValueType() != JsonValue.ValueType.OBJECT) {
      reject(field + ".parameters", "must be a JSON Schema object");
    }
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

  private void checkResponseFormat(JsonValue format) {
    if (format == null || format.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    if (format instanceof JsonString text) {
      if (!text.getString().equals("auto")) {
        reject("response_format", "must be 'auto' or an object with a type");
      }
      return;
    }
    if (!(format instanceof JsonObject object)) {
      reject("response_format", "must be 'auto' or an object with a type");
      return;
    }
    String type = string(object, "type");
    if (type == null || !RESPONSE_FORMAT_TYPES.contains(type)) {
      reject("response_format.type", "must be one of text, json_object, json_schema");
    } else if (type.equals("json_schema")) {
      JsonValue schema = object.get("json_schema");
      if (!(schema instanceof JsonObject schemaObject) || string(schemaObject, "name") == null) {
        reject("response_format.json_schema", "must be an object with a name");
      }
    }
  }

  private void checkMetadata(JsonObject metadata) {
    if (metadata == null) {
      return;
    }
    if (metadata.size() > MAX_METADATA_PAIRS) {
      reject("metadata", "must have at most " + MAX_METADATA_PAIRS + " key-value pairs");
    }
    for (var entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key.isEmpty() || key.length() > MAX_METADATA_KEY) {
        reject("metadata", "keys must be 1 to " + MAX_METADATA_KEY + " characters: '" + key + "'");
      }
      if (!(entry.getValue() instanceof JsonString value)) {
        reject("metadata." + key, "must be a string");
      } else if (value.getString().length() > MAX_METADATA_VALUE) {
        reject("metadata." + key, "must be at most " + MAX_METADATA_VALUE + " characters");
      }
    }
  }

  private void checkModels(JsonObject defaultModel, JsonArray availableModels) {
    Set<String> available = new HashSet<>();
    if (availableModels != null) {
      if (availableModels.size() > MAX_MODELS) {
        reject("available_models", "must have at most " + MAX_MODELS + " models");
      }
      for (int i = 0; i < availableModels.size(); i++) {
        String key = checkModel("available_models[" + i + "]", availableModels.get(i));
        if (key != null && !available.add(key)) {
          reject("available_models[" + i + "]", "is listed twice");
        }
      }
    }
    if (defaultModel != null) {
      String key = checkModel("default_model", defaultModel);
      if (key != null && !available.isEmpty() && !available.contains(key)) {
        reject("default_model", "must be one of available_models");
      }
    }
  }

  /** Checks one {@code {id, provider}} model reference; answers "provider/id" when it is valid. */
  private String checkModel(String field, JsonValue value) {
    if (!(value instanceof JsonObject model)) {
      reject(field, "must be an object with id and provider");
      return null;
    }
    String id = string(model, "id");
    String provider = string(model, "provider");
    boolean valid = true;
    if (id == null || id.isBlank() || id.length() > MAX_MODEL) {
      reject(field + ".id", "is required, at most " + MAX_MODEL + " characters");
      valid = false;
    }
    if (provider == null || provider.isBlank() || provider.length() > MAX_PROVIDER) {
      reject(field + ".provider", "is required, at most " + MAX_PROVIDER + " characters");
      valid = false;
    }
    for (String member : model.keySet()) {
      if (!member.equals("id") && !member.equals("provider")) {
        reject(field + "." + member, "is not a member of a model reference");
        valid = false;
      }
    }
    return valid ? provider + "/" + id : null;
  }

  private void maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      reject(field, "must be at most " + max + " characters");
    }
  }

  private void range(String field, Double value, double min, double max) {
    if (value != null && (value.isNaN() || value < min || value > max)) {
      reject(field, "must be between " + format(min) + " and " + format(max));
    }
  }

  private static String format(double bound) {
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }

  private static String string(JsonObject object, String member) {
    return object.get(member) instanceof JsonString s ? s.getString() : null;
  }

  private void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
