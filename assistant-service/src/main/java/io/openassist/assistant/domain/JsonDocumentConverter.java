package io.openassist.assistant.domain;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/** Stores a JSON document member (tools, metadata, ...) in a {@code jsonb} column, as its text. */
@Converter
public class JsonDocumentConverter implements AttributeConverter<JsonValue, String> {

  @Override
  public String convertToDatabaseColumn(JsonValue value) {
    return value == null ? null : value.toString();
  }

  @Override
  public JsonValue convertToEntityAttribute(String text) {
    if (text == null) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
