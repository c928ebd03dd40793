package io.openassist.assistant.application.run;

import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.ToolChoice;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What a caller asks of one run, checked at the edge: the messages (with any text files already
 * turned into context), and the per-run overrides of the assistant's settings (null: the
 * assistant's own).
 */
public record RunCommand(
    List<ChatMessage> messages,
    String model,
    Double temperature,
    Double topP,
    Integer maxTokens,
    ResponseFormat responseFormat,
    List<FunctionTool> tools,
    ToolChoice toolChoice,
    JsonObject metadata) {

  public RunCommand {
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
