package io.openassist.assistant.domain;

import jakarta.json.JsonObject;

/**
 * A tool an assistant may use: one of OpenAI's three kinds. Checked once where it enters (the
 * request), read by type everywhere after (rules, storage, the vendor adapters); its JSON form is
 * OpenAI's tool object, which is how it is stored and returned.
 */
public sealed interface Tool permits FunctionTool, FileSearchTool, CodeInterpreterTool {

  /**
   * The wire name of the kind: {@code function}, {@code file_search} or {@code code_interpreter}.
   */
  String type();

  /** OpenAI's tool object, with only the members that are set. */
  JsonObject toJson();

  /** A tool from its stored JSON form (written by {@link #toJson}, so trusted). */
  static Tool fromJson(JsonObject json) {
    return switch (json.getString("type")) {
      case FunctionTool.TYPE -> FunctionTool.fromJson(json.getJsonObject(FunctionTool.TYPE));
      case FileSearchTool.TYPE -> FileSearchTool.fromJson(json.getJsonObject(FileSearchTool.TYPE));
      case CodeInterpreterTool.TYPE -> new CodeInterpreterTool();
      default -> throw new IllegalStateException("Unknown stored tool type " + json);
    };
  }
}
