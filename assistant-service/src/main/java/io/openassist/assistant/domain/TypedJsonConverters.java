package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * Stores the typed members of an assistant in their {@code jsonb} columns, in the same JSON form
 * the API shows, so that the columns read the same with {@code psql} as on the wire. The values are
 * immutable ({@code @Immutable}): Hibernate compares them for dirty checking instead of keeping a
 * deep copy of each, which for a converted type means writing and re-parsing its JSON on every
 * load.
 */
public final class TypedJsonConverters {

  private TypedJsonConverters() {}

  /** {@code tools}: an array of OpenAI tool objects. */
  @Converter
  @Immutable
  public static class ToolsConverter implements AttributeConverter<List<Tool>, String> {
    @Override
    public String convertToDatabaseColumn(List<Tool> tools) {
      if (tools == null) {
        return null;
      }
      JsonArrayBuilder array = Jsonp.arrayBuilder();
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
  @Immutable
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
  @Immutable
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
  @Immutable
  public static class ModelRefsConverter implements AttributeConverter<List<ModelRef>, String> {
    @Override
    public String convertToDatabaseColumn(List<ModelRef> models) {
      if (models == null) {
        return null;
      }
      JsonArrayBuilder array = Jsonp.arrayBuilder();
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
    return JsonDocumentConverter.parse(text);
  }
}
