package io.openassist.assistant.api.run;

import io.openassist.assistant.api.ResponseFormatParser;
import io.openassist.assistant.api.ToolRequest;
import io.openassist.assistant.application.run.RunCommand;
import io.openassist.assistant.domain.AssistantRules;
import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.assistant.domain.Tool;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ToolChoice;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a run: the chat so far ({@code messages}, OpenAI's chat messages) and the run's own
 * settings, each overriding the assistant's: {@code model}, {@code temperature}, {@code top_p},
 * {@code max_tokens}, {@code response_format}, {@code tools} (function tools, added to the
 * assistant's), {@code tool_choice}; {@code stream} asks for server-sent events; {@code metadata}
 * is kept with the run's record.
 */
public record RunRequest(
    @NotNull(message = "is required")
        @Size(min = 1, max = 2048, message = "must have 1 to {max} messages")
        List<@NotNull(message = "must be a message object") @Valid ChatMessageRequest> messages,
    @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String model,
    Boolean stream,
    @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2")
        Double temperature,
    @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1")
        Double topP,
    @Min(value = 1, message = "must be between 1 and 1000000")
        @Max(value = 1_000_000, message = "must be between 1 and 1000000")
        Integer maxTokens,
    JsonValue responseFormat,
    @Size(max = 128, message = "must have at most {max} tools")
        List<@NotNull(message = "must be a tool object") @Valid ToolRequest> tools,
    JsonValue toolChoice,
    JsonObject metadata) {

  /** Whether the caller asked for a stream in the body. */
  boolean streamed() {
    return Boolean.TRUE.equals(stream);
  }

  /** The checked command, with {@code extraContext} (text files) added before the last message. */
  RunCommand toCommand(List<ChatMessage> extraContext) {
    List<FieldError> errors = new ArrayList<>();
    List<ChatMessage> chat = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      chat.add(messages.get(i).toMessage("messages[" + i + "]", errors));
    }
    if (!extraContext.isEmpty()) {
      // Before the user's last message (the question about the files); after a tool result,
      // which must follow its tool call, at the end.
      boolean lastIsUsers = !chat.isEmpty() && chat.get(chat.size() - 1).role() == MessageRole.USER;
      chat.addAll(lastIsUsers ? chat.size() - 1 : chat.size(), extraContext);
    }
    List<FunctionTool> functions = new ArrayList<>();
    if (tools != null) {
      for (int i = 0; i < tools.size(); i++) {
        Tool tool = tools.get(i).toTool("tools[" + i + "]", errors);
        if (tool instanceof FunctionTool function) {
          functions.add(function);
        } else if (tool != null) {
          errors.add(
              new FieldError(
                  "tools[" + i + "]",
                  "a run may add function tools only; "
                      + tool.type()
                      + " is the assistant's to set"));
        }
      }
    }
    ResponseFormat format =
        responseFormat == null ? null : ResponseFormatParser.parse(responseFormat, errors);
    ToolChoice choice = toolChoice(errors);
    errors.addAll(AssistantRules.metadataErrors(metadata));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new RunCommand(
        chat, model, temperature, topP, maxTokens, format, functions, choice, metadata);
  }

  private ToolChoice toolChoice(List<FieldError> errors) {
    if (toolChoice == null || toolChoice.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (toolChoice instanceof JsonString s) {
      switch (s.getString()) {
        case "none":
          return ToolChoice.NONE;
        case "auto":
          return ToolChoice.AUTO;
        case "required":
          return ToolChoice.REQUIRED;
        default:
          break;
      }
    } else if (toolChoice instanceof JsonObject o
        && o.get("type") instanceof JsonString type
        && "function".equals(type.getString())
        && o.get("function") instanceof JsonObject function
        && function.get("name") instanceof JsonString name
        && name.getString().matches(FunctionTool.NAME_RULE)) {
      return ToolChoice.function(name.getString());
    }
    errors.add(
        new FieldError(
            "tool_choice",
            "must be none, auto, required or {\"type\": \"function\", \"function\": {\"name\": ...}}"));
    return null;
  }
}
