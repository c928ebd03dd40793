package io.openassist.assistant.api;

import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads OpenAI's {@code response_format}, which is either the string {@code "auto"} or an object
 * whose {@code type} decides its other members, so no one record can bind it: {@code {"type":
 * "text"}}, {@code {"type": "json_object"}}, {@code {"type": "json_schema", "json_schema": {name,
 * description?, schema?, strict?}}}.
 */
public final class ResponseFormatParser {

  private static final String FIELD = "response_format";
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  private static final Set<String> SCHEMA_MEMBERS =
      Set.of("name", "description", "schema", "strict");

  private ResponseFormatParser() {}

  /** The format, or null when none is given; what is wrong is added to {@code errors}. */
  public static ResponseFormat parse(JsonValue value, List<FieldError> errors) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString text && text.getString().equals("auto")) {
      return ResponseFormat.AUTO;
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldError(FIELD, "must be 'auto' or an object with a type"));
      return null;
    }
    for (String member : object.keySet()) {
      if (!member.equals("type") && !member.equals("json_schema")) {
        errors.add(new FieldError(FIELD + "." + member, "is not a member of a response format"));
        return null;
      }
    }
    String type = object.get("type") instanceof JsonString s ? s.getString() : "";
    switch (type) {
      case "text":
        return onlyType(object, ResponseFormat.TEXT, errors);
      case "json_object":
        return onlyType(object, ResponseFormat.JSON_OBJECT, errors);
      case "json_schema":
        return jsonSchema(object.get("json_schema"), errors);
      default:
        errors.add(
            new FieldError(FIELD + ".type", "must be one of text, json_object, json_schema"));
        return null;
    }
  }

  private static ResponseFormat onlyType(
      JsonObject object, ResponseFormat format, List<FieldError> errors) {
    if (object.containsKey("json_schema")) {
      errors.add(new FieldError(FIELD + ".json_schema", "is only for type json_schema"));
      return null;
    }
    return format;
  }

  private static ResponseFormat jsonSchema(JsonValue value, List<FieldError> errors) {
    String field = FIELD + ".json_schema";
    if (!(value instanceof JsonObject schema)) {
      errors.add(new FieldError(field, "must be an object with a name"));
      return null;
    }
    int before = errors.size();
    for (String member : schema.keySet()) {
      if (!SCHEMA_MEMBERS.contains(member)) {
        errors.add(new FieldError(field + "." + member, "is not a member of json_schema"));
      }
    }
    if (!(schema.get("name") instanceof JsonString name)
        || !SCHEMA_NAME.matcher(name.getString()).matches()) {
      errors.add(
          new FieldError(
              field + ".name", "is required: 1 to 64 letters, digits, underscores or hyphens"));
    }
    if (schema.containsKey("description")
        && schema.get("description").getValueType() != JsonValue.ValueType.STRING) {
      errors.add(new FieldError(field + ".description", "must be a string"));
    }
    if (schema.containsKey("schema")
        && schema.get("schema").getValueType() != JsonValue.ValueType.OBJECT) {
      errors.add(new FieldError(field + ".schema", "must be a JSON Schema object"));
    }
    JsonValue strict = schema.get("strict");
    if (strict != null && strict != JsonValue.TRUE && strict != JsonValue.FALSE) {
      errors.add(new FieldError(field + ".strict", "must be true or false"));
    }
    if (errors.size() > before) {
      return null;
    }
    return new ResponseFormat.JsonSchemaMode(
        schema.getString("name"),
        schema.containsKey("description") ? schema.getString("description") : null,
        schema.containsKey("schema") ? schema.getJsonObject("schema") : null,
        strict == null ? null : strict == JsonValue.TRUE);
  }
}
