package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * What form the model's answer must take, as OpenAI's {@code response_format}: {@code "auto"},
 * plain text, any JSON object, or JSON following a named schema.
 */
public sealed interface ResponseFormat {

  Auto AUTO = new Auto();
  Text TEXT = new Text();
  JsonObjectMode JSON_OBJECT = new JsonObjectMode();

  /** The wire and stored form: the string {@code "auto"} or an object with a {@code type}. */
  JsonValue toJson();

  /** The model decides (the default). */
  record Auto() implements ResponseFormat {
    @Override
    public JsonValue toJson() {
      return Jsonp.value("auto");
    }
  }

  /** Plain text. */
  record Text() implements ResponseFormat {
    @Override
    public JsonValue toJson() {
      return Jsonp.objectBuilder().add("type", "text").build();
    }
  }

  /** Any valid JSON object ("JSON mode"). */
  record JsonObjectMode() implements ResponseFormat {
    @Override
    public JsonValue toJson() {
      return Jsonp.objectBuilder().add("type", "json_object").build();
    }
  }

  /** JSON that follows {@code schema} (Structured Outputs); {@code strict} enforces it exactly. */
  record JsonSchemaMode(String name, String description, JsonObject schema, Boolean strict)
      implements ResponseFormat {

    public JsonSchemaMode {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public JsonValue toJson() {
      JsonObjectBuilder schemaObject = Jsonp.objectBuilder().add("name", name);
      if (description != null) {
        schemaObject.add("description", description);
      }
      if (schema != null) {
        schemaObject.add("schema", schema);
      }
      if (strict != null) {
        schemaObject.add("strict", strict);
      }
      return Jsonp.objectBuilder()
          .add("type", "json_schema")
          .add("json_schema", schemaObject)
          .build();
    }
  }

  /** A format from its stored form (written by {@link #toJson}, so trusted). */
  static ResponseFormat fromJson(JsonValue json) {
    if (json instanceof JsonString) {
      return AUTO;
    }
    JsonObject object = json.asJsonObject();
    return switch (object.getString("type")) {
      case "text" -> TEXT;
      case "json_object" -> JSON_OBJECT;
      case "json_schema" -> {
        JsonObject s = object.getJsonObject("json_schema");
        yield new JsonSchemaMode(
            s.getString("name"),
            s.containsKey("description") ? s.getString("description") : null,
            s.containsKey("schema") ? s.getJsonObject("schema") : null,
            s.containsKey("strict") ? s.getBoolean("strict") : null);
      }
      default -> throw new IllegalStateException("Unknown stored response format " + json);
    };
  }
}
