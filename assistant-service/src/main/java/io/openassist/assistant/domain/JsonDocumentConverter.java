package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import org.hibernate.annotations.Immutable;

/**
 * Stores a JSON document member (metadata, tool resources) in a {@code jsonb} column, as its text.
 * Jakarta JSON values are immutable, so Hibernate need not copy them to detect changes.
 */
@Converter
@Immutable
public class JsonDocumentConverter implements AttributeConverter<JsonValue, String> {

  @Override
  public String convertToDatabaseColumn(JsonValue value) {
    return value == null ? null : value.toString();
  }

  @Override
  public JsonValue convertToEntityAttribute(String text) {
    return text == null ? null : parse(text);
  }

  /** A stored JSON document's value (the typed converters read their columns with it too). */
  static JsonValue parse(String text) {
    try (JsonReader reader = Jsonp.reader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
