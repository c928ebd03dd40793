package io.openassist.assistant.domain.run;

import java.util.List;
import java.util.Objects;

/**
 * One message of a chat, vendor-neutral: its role, its text ({@code content}, null for an assistant
 * message that only calls tools), the tool calls of an assistant message, the call a {@code tool}
 * message answers, an optional participant {@code name}, and the model's reasoning where the vendor
 * returns it (never sent back upstream).
 */
public record ChatMessage(
    MessageRole role,
    String content,
    List<ToolCall> toolCalls,
    String toolCallId,
    String name,
    String reasoning) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  public static ChatMessage system(String content) {
    return new ChatMessage(MessageRole.SYSTEM, content, List.of(), null, null, null);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage(MessageRole.USER, content, List.of(), null, null, null);
  }

  public static ChatMessage assistant(String content, List<ToolCall> toolCalls, String reasoning) {
    return new ChatMessage(MessageRole.ASSISTANT, content, toolCalls, null, null, reasoning);
  }

  /** The text, or the empty string when there is none. */
  public String text() {
    return content == null ? "" : content;
  }
}
