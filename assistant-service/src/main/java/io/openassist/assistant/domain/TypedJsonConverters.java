package io.openassist.assistant.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores the typed members of an assistant in their {@code jsonb} columns, in the same JSON form
 * the API shows, so that the columns read the same with {@code psql} as on the wire.
 */
public final class TypedJsonConverters {

  private TypedJsonConverters() {}

  /** {@code tools}: an array of OpenAI tool objects. */
  @Converter
  public static class ToolsConverter implements AttributeConverter<List<Tool>, String> {
    @Override
    public String convertToDatabaseColumn(List<Tool> tools) {
      if (tools == null) {
        return null;
      }
      JsonArrayBuilder array = Json.createArrayBuilder();
      tools.forEach(tool -> array.add(tool.toJson()));
      return array.build().toString();
    }

    @Override
    public List<Tool> convertToEntityAttribute(String text) {
      return text == null
          ? null
          : parse(text).asJsonArray().getValuesAs(JsonValue::asJsonObject).stream()
              .map(Tool::fromJson)
              .toList();
    }
  }

  /** {@code response_format}: {@code "auto"} or an object with a type. */
  @Converter
  public static class ResponseFormatConverter
      implements AttributeConverter<ResponseFormat, String> {
    @Override
    public String convertToDatabaseColumn(ResponseFormat format) {
      return format == null ? null : format.toJson().toString();
    }

    @Override
    public ResponseFormat convertToEntityAttribute(String text) {
      return text == null ? null : ResponseFormat.fromJson(parse(text));
    }
  }

  /** {@code default_model}: one {@code {id, provider}} object. */
  @Converter
  public static class ModelRefConverter implements AttributeConverter<ModelRef, String> {
    @Override
    public String convertToDatabaseColumn(ModelRef model) {
      return model == null ? null : model.toJson().toString();
    }

    @Override
    public ModelRef convertToEntityAttribute(String text) {
      return text == null ? null : ModelRef.fromJson(parse(text).asJsonObject());
    }
  }

  /** {@code available_models}: an array of {@code {id, provider}} objects. */
  @Converter
  public static class ModelRefsConverter implements AttributeConverter<List<ModelRef>, String> {
    @Override
    public String convertToDatabaseColumn(List<ModelRef> models) {
      if (models == null) {
        return null;
      }
      JsonArrayBuilder array = Json.createArrayBuilder();
      models.forEach(model -> array.add(model.toJson()));
      return array.build().toString();
    }

    @Override
    public List<ModelRef> convertToEntityAttribute(String text) {
      return text == null
          ? null
          : parse(text).asJsonArray().getValuesAs(JsonValue::asJsonObject).stream()
              .map(ModelRef::fromJson)
              .toList();
    }
  }

  private static JsonValue parse(String text) {
    return new JsonDocumentConverter().convertToEntityAttribute(text);
  }
}
