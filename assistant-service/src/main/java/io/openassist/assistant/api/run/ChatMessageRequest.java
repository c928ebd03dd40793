package io.openassist.assistant.api.run;

import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ToolCall;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's chat message on the wire: {@code role} (system, user, assistant, tool), {@code content}
 * (a string, or an array of {@code {type: "text", text}} parts, joined in order), an assistant's
 * {@code tool_calls}, the {@code tool_call_id} a tool message answers, and an optional {@code
 * name}.
 */
public record ChatMessageRequest(
    @NotNull(message = ROLES) @Pattern(regexp = "system|user|assistant|tool", message = ROLES)
        String role,
    JsonValue content,
    @Size(max = 128, message = "must have at most {max} tool calls")
        List<@NotNull(message = "must be a tool call object") @Valid ToolCallRequest> toolCalls,
    @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String toolCallId,
    @Pattern(
            regexp = "[a-zA-Z0-9_-]{1,64}",
            message = "must be 1 to 64 letters, digits, underscores or hyphens")
        String name) {

  static final String ROLES = "must be one of system, user, assistant, tool";

  /** A tool call of an earlier assistant message, sent back as the chat's history. */
  public record ToolCallRequest(
      @NotNull(message = "is required")
          @Size(min = 1, max = 256, message = "must be 1 to {max} characters")
          String id,
      @Pattern(regexp = "function", message = "must be function") String type,
      @NotNull(message = "is required") @Valid FunctionCall function) {}

  /** The function a tool call called, and its arguments as JSON text. */
  public record FunctionCall(
      @NotNull(message = "is required")
          @Pattern(
              regexp = "[a-zA-Z0-9_-]{1,64}",
              message = "must be 1 to 64 letters, digits, underscores or hyphens")
          String name,
      String arguments) {}

  /** The domain message; what breaks a rule across members is added to {@code errors}. */
  ChatMessage toMessage(String field, List<FieldError> errors) {
    MessageRole messageRole = MessageRole.fromWire(role);
    String text = text(field + ".content", errors);
    List<ToolCall> calls = new ArrayList<>();
    if (toolCalls != null) {
      if (messageRole != MessageRole.ASSISTANT) {
        errors.add(new FieldError(field + ".tool_calls", "is only for assistant messages"));
      }
      for (ToolCallRequest call : toolCalls) {
        calls.add(new ToolCall(call.id(), call.function().name(), call.function().arguments()));
      }
    }
    if (messageRole == MessageRole.TOOL && toolCallId == null) {
      errors.add(new FieldError(field + ".tool_call_id", "is required for tool messages"));
    }
    if (messageRole != MessageRole.TOOL && toolCallId != null) {
      errors.add(new FieldError(field + ".tool_call_id", "is only for tool messages"));
    }
    if (text == null && (messageRole != MessageRole.ASSISTANT || calls.isEmpty())) {
      errors.add(
          new FieldError(
              field + ".content",
              messageRole == MessageRole.ASSISTANT
                  ? "is required unless the message has tool_calls"
                  : "is required"));
    }
    return new ChatMessage(messageRole, text, calls, toolCallId, name, null);
  }

  private String text(String field, List<FieldError> errors) {
    if (content == null || content.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (content instanceof JsonString s) {
      return s.getString();
    }
    if (content instanceof JsonArray parts) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        JsonValue part = parts.get(i);
        if (part instanceof JsonObject p
            && "text".equals(p.get("type") instanceof JsonString t ? t.getString() : null)
            && p.get("text") instanceof JsonString partText
            && p.size() == 2) {
          text.append(partText.getString());
        } else {
          errors.add(
              new FieldError(
                  field + "[" + i + "]",
                  "must be a text part {\"type\": \"text\", \"text\": \"...\"}; other part types are not supported"));
        }
      }
      return text.toString();
    }
    errors.add(new FieldError(field, "must be a string or an array of text parts"));
    return null;
  }
}
