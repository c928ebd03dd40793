package io.openassist.conversation.domain;

import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One typed piece of a message: text, reasoning, a tool call the model made, the result of one, or
 * a passage of a knowledge file the reply drew on. On the wire and in the store each is an object
 * with a {@code type}: {@code {type: "text", text}}, {@code {type: "reasoning", text}}, {@code
 * {type: "tool_call", id, name, arguments}}, {@code {type: "tool_result", tool_call_id, text}},
 * {@code {type: "file_citation", file_id, file_name, position?, start?, end?, score?, text}} (as a
 * run's {@code file_citations} have them).
 */
public sealed interface MessagePart {

  int MAX_PARTS = 64;
  int MAX_TEXT = 100_000;
  int MAX_NAME = 64;
  int MAX_ID = 256;
  int MAX_FILE_NAME = 255;

  String type();

  /** The text this part contributes to search and to a plain rendering; empty for none. */
  String plainText();

  JsonObject toJson();

  record Text(String text) implements MessagePart {
    public String type() {
      return "text";
    }

    public String plainText() {
      return text;
    }

    public JsonObject toJson() {
      return Jsonp.objectBuilder().add("type", type()).add("text", text).build();
    }
  }

  record Reasoning(String text) implements MessagePart {
    public String type() {
      return "reasoning";
    }

    public String plainText() {
      return "";
    }

    public JsonObject toJson() {
      return Jsonp.objectBuilder().add("type", type()).add("text", text).build();
    }
  }

  record ToolCall(String id, String name, String arguments) implements MessagePart {
    public String type() {
      return "tool_call";
    }

    public String plainText() {
      return "";
    }

    public JsonObject toJson() {
      return Jsonp.objectBuilder()
          .add("type", type())
          .add("id", id)
          .add("name", name)
          .add("arguments", arguments)
          .build();
    }
  }

  record ToolResult(String toolCallId, String text) implements MessagePart {
    public String type() {
      return "tool_result";
    }

    public String plainText() {
      return text;
    }

    public JsonObject toJson() {
      return Jsonp.objectBuilder()
          .add("type", type())
          .add("tool_call_id", toolCallId)
          .add("text", text)
          .build();
    }
  }

  /**
   * A passage of a knowledge file that the reply was given (file_search): which file, which chunk
   * ({@code position}), where in the file's text ({@code start}, {@code end}), how well it matched,
   * and the passage itself. Part of the audited record; not sent back to the model, not searched.
   */
  record FileCitation(
      String fileId,
      String fileName,
      Long position,
      Long start,
      Long end,
      Double score,
      String text)
      implements MessagePart {
    public String type() {
      return "file_citation";
    }

    public String plainText() {
      return "";
    }

    public JsonObject toJson() {
      jakarta.json.JsonObjectBuilder json =
          Jsonp.objectBuilder()
              .add("type", type())
              .add("file_id", fileId)
              .add("file_name", fileName);
      if (position != null) {
        json.add("position", position);
      }
      if (start != null) {
        json.add("start", start);
      }
      if (end != null) {
        json.add("end", end);
      }
      if (score != null) {
        json.add("score", score);
      }
      return json.add("text", text).build();
    }
  }

  static JsonArray toJson(List<MessagePart> parts) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    parts.forEach(p -> array.add(p.toJson()));
    return array.build();
  }

  /** The text of all parts that have one, joined by blank lines. */
  static String plainText(List<MessagePart> parts) {
    StringBuilder text = new StringBuilder();
    for (MessagePart part : parts) {
      String piece = part.plainText();
      if (!piece.isEmpty()) {
        if (!text.isEmpty()) {
          text.append("\n\n");
        }
        text.append(piece);
      }
    }
    return text.toString();
  }

  /**
   * The parts of {@code value} (a JSON array at {@code field}), checked: every rule broken is added
   * to {@code errors} with its path, and the parts that were valid are returned.
   */
  static List<MessagePart> parse(JsonValue value, String field, List<FieldError> errors) {
    return parse(value, field, errors, false);
  }

  private static List<MessagePart> parse(
      JsonValue value, String field, List<FieldError> errors, boolean stored) {
    List<MessagePart> parts = new ArrayList<>();
    if (!(value instanceof JsonArray array)) {
      errors.add(new FieldError(field, "must be an array of parts"));
      return parts;
    }
    if (!stored && (array.isEmpty() || array.size() > MAX_PARTS)) {
      errors.add(new FieldError(field, "must have 1 to " + MAX_PARTS + " parts"));
    }
    int count = stored ? array.size() : Math.min(array.size(), MAX_PARTS);
    for (int i = 0; i < count; i++) {
      MessagePart part = parsePart(array.get(i), field + "[" + i + "]", errors, stored);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts;
  }

  /**
   * Stored parts, read back by shape only: the client's rules (lengths, names, non-empty ids) were
   * checked when a client wrote them, and a model's reply is stored as the model gave it, so
   * reading must not refuse what writing accepted.
   */
  static List<MessagePart> fromStored(JsonArray array) {
    List<FieldError> errors = new ArrayList<>();
    List<MessagePart> parts = parse(array, "parts", errors, true);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("A stored message has parts that are not valid: " + errors);
    }
    return parts;
  }

  private static MessagePart parsePart(
      JsonValue value, String field, List<FieldError> errors, boolean stored) {
    if (!(value instanceof JsonObject part)) {
      errors.add(new FieldError(field, "must be a part object"));
      return null;
    }
    String type = string(part, "type", field, errors, 32, true, false);
    if (type == null) {
      return null;
    }
    int before = errors.size();
    MessagePart parsed =
        switch (type) {
          case "text" -> new Text(text(part, field, errors, stored));
          case "reasoning" -> new Reasoning(text(part, field, errors, stored));
          case "tool_call" ->
              new ToolCall(
                  string(part, "id", field, errors, MAX_ID, true, stored),
                  stored
                      ? string(part, "name", field, errors, MAX_NAME, true, true)
                      : name(part, field, errors),
                  orEmpty(string(part, "arguments", field, errors, MAX_TEXT, false, stored)));
          case "tool_result" ->
              new ToolResult(
                  string(part, "tool_call_id", field, errors, MAX_ID, true, stored),
                  string(part, "text", field, errors, MAX_TEXT, true, stored));
          case "file_citation" ->
              new FileCitation(
                  string(part, "file_id", field, errors, MAX_ID, true, stored),
                  string(part, "file_name", field, errors, MAX_FILE_NAME, true, stored),
                  count(part, "position", field, errors, stored),
                  count(part, "start", field, errors, stored),
                  count(part, "end", field, errors, stored),
                  score(part, field, errors, stored),
                  string(part, "text", field, errors, MAX_TEXT, true, stored));
          default -> {
            errors.add(
                new FieldError(
                    field + ".type",
                    "must be one of text, reasoning, tool_call, tool_result, file_citation"));
            yield null;
          }
        };
    for (String member : part.keySet()) {
      if (!allowed(type, member)) {
        errors.add(new FieldError(field + "." + member, "is not a member of a " + type + " part"));
      }
    }
    return errors.size() == before ? parsed : null;
  }

  private static boolean allowed(String type, String member) {
    return switch (type) {
      case "text", "reasoning" -> member.equals("type") || member.equals("text");
      case "tool_call" -> List.of("type", "id", "name", "arguments").contains(member);
      case "tool_result" -> List.of("type", "tool_call_id", "text").contains(member);
      case "file_citation" ->
          List.of("type", "file_id", "file_name", "position", "start", "end", "score", "text")
              .contains(member);
      default -> true;
    };
  }

  private static String name(JsonObject part, String field, List<FieldError> errors) {
    String name = string(part, "name", field, errors, MAX_NAME, true, false);
    if (name != null && !name.matches("[a-zA-Z0-9_-]{1,64}")) {
      errors.add(
          new FieldError(
              field + ".name", "must be 1 to 64 letters, digits, underscores or hyphens"));
    }
    return name;
  }

  private static String string(
      JsonObject part,
      String member,
      String field,
      List<FieldError> errors,
      int maxLength,
      boolean required,
      boolean stored) {
    JsonValue value = part.get(member);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field + "." + member, "is required"));
      }
      return null;
    }
    if (!(value instanceof JsonString string)) {
      errors.add(new FieldError(field + "." + member, "must be a string"));
      return null;
    }
    String text = string.getString();
    if (stored) {
      return text;
    }
    if (text.length() > maxLength) {
      errors.add(
          new FieldError(field + "." + member, "must be at most " + maxLength + " characters"));
      return null;
    }
    if (required && text.isEmpty() && !member.equals("text")) {
      errors.add(new FieldError(field + "." + member, "must not be empty"));
      return null;
    }
    return text;
  }

  /** A part's text: never empty as sent by a client; a model's reply may be empty. */
  private static String text(
      JsonObject part, String field, List<FieldError> errors, boolean stored) {
    String text = string(part, "text", field, errors, MAX_TEXT, true, stored);
    if (text != null && text.isEmpty() && !stored) {
      errors.add(new FieldError(field + ".text", "must not be empty"));
    }
    return text;
  }

  /**
   * An optional whole number of at least 0 (a chunk's position, a character offset); read back from
   * the store, anything else is read as absent rather than refused.
   */
  private static Long count(
      JsonObject part, String member, String field, List<FieldError> errors, boolean stored) {
    JsonValue value = part.get(member);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    Long count = wholeNumber(value);
    if (count == null && !stored) {
      errors.add(new FieldError(field + "." + member, "must be a whole number of at least 0"));
    }
    return count;
  }

  /**
   * {@code value} as a citation's position or offset: a whole number of at least 0 that fits a
   * long; null for anything else.
   */
  static Long wholeNumber(JsonValue value) {
    if (value instanceof jakarta.json.JsonNumber number
        && number.isIntegral()
        && number.bigDecimalValue().signum() >= 0
        && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return number.longValue();
    }
    return null;
  }

  /** An optional match score: any finite number (read back from the store: else absent). */
  private static Double score(
      JsonObject part, String field, List<FieldError> errors, boolean stored) {
    JsonValue value = part.get("score");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof jakarta.json.JsonNumber number && Double.isFinite(number.doubleValue())) {
      return number.doubleValue();
    }
    if (!stored) {
      errors.add(new FieldError(field + ".score", "must be a number"));
    }
    return null;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
