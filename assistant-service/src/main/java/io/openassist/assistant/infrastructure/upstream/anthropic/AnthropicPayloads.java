package io.openassist.assistant.infrastructure.upstream.anthropic;

import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.FinishReason;
import io.openassist.assistant.domain.run.MessageRole;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.ToolCall;
import io.openassist.assistant.domain.run.ToolChoice;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.VendorJson;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages wire format, both ways. The chat-completions contract maps onto it: system
 * messages become the {@code system} prompt, tool calls {@code tool_use} blocks, {@code tool}
 * messages {@code tool_result} blocks of a user turn (consecutive turns of one role merged, as
 * Anthropic requires alternating turns), {@code required} tool choice {@code any}.
 */
final class AnthropicPayloads {

  private AnthropicPayloads() {}

  static JsonObject request(ModelRequest request, int defaultMaxTokens, boolean stream) {
    JsonObjectBuilder body =
        Jsonp.objectBuilder()
            .add("model", request.model())
            .add(
                "max_tokens", request.maxTokens() != null ? request.maxTokens() : defaultMaxTokens);
    StringBuilder system = new StringBuilder();
    if (request.instructions() != null && !request.instructions().isBlank()) {
      system.append(request.instructions());
    }
    List<Turn> turns = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message.role() == MessageRole.SYSTEM) {
        if (system.length() > 0) {
          system.append("\n\n");
        }
        system.append(message.text());
        continue;
      }
      String role = message.role() == MessageRole.ASSISTANT ? "assistant" : "user";
      if (turns.isEmpty() || !turns.get(turns.size() - 1).role.equals(role)) {
        turns.add(new Turn(role));
      }
      addBlocks(turns.get(turns.size() - 1).blocks, message);
    }
    if (system.length() > 0) {
      body.add("system", system.toString());
    }
    JsonArrayBuilder messages = Jsonp.arrayBuilder();
    for (Turn turn : turns) {
      messages.add(Jsonp.objectBuilder().add("role", turn.role).add("content", turn.blocks));
    }
    body.add("messages", messages);
    if (!request.tools().isEmpty()) {
      JsonArrayBuilder tools = Jsonp.arrayBuilder();
      for (FunctionTool tool : request.tools()) {
        JsonObjectBuilder t = Jsonp.objectBuilder().add("name", tool.name());
        if (tool.description() != null) {
          t.add("description", tool.description());
        }
        t.add(
            "input_schema",
            tool.parameters() != null
                ? tool.parameters()
                : Jsonp.objectBuilder().add("type", "object").build());
        tools.add(t);
      }
      body.add("tools", tools);
    }
    if (request.toolChoice() != null && !request.tools().isEmpty()) {
      body.add("tool_choice", toolChoice(request.toolChoice()));
    }
    if (request.temperature() != null) {
      // Anthropic's range is 0-1, OpenAI's 0-2: values above 1 are sent as 1.
      body.add("temperature", Math.min(1.0, request.temperature()));
    }
    if (request.topP() != null) {
      body.add("top_p", request.topP());
    }
    if (stream) {
      body.add("stream", true);
    }
    return body.build();
  }

  private static final class Turn {
    final String role;
    final JsonArrayBuilder blocks = Jsonp.arrayBuilder();

    Turn(String role) {
      this.role = role;
    }
  }

  private static void addBlocks(JsonArrayBuilder blocks, ChatMessage message) {
    switch (message.role()) {
      case TOOL ->
          blocks.add(
              Jsonp.objectBuilder()
                  .add("type", "tool_result")
                  .add("tool_use_id", message.toolCallId() == null ? "" : message.toolCallId())
                  .add("content", message.text()));
      case ASSISTANT -> {
        if (message.content() != null && !message.content().isEmpty()) {
          blocks.add(text(message.content()));
        }
        for (ToolCall call : message.toolCalls()) {
          JsonObject input = VendorJson.objectOrNull(call.arguments());
          blocks.add(
              Jsonp.objectBuilder()
                  .add("type", "tool_use")
                  .add("id", call.id())
                  .add("name", call.name())
                  .add("input", input == null ? JsonValue.EMPTY_JSON_OBJECT : input));
        }
      }
      default -> blocks.add(text(message.text()));
    }
  }

  private static JsonObjectBuilder text(String text) {
    return Jsonp.objectBuilder().add("type", "text").add("text", text);
  }

  private static JsonObject toolChoice(ToolChoice choice) {
    return switch (choice.mode()) {
      case NONE -> Jsonp.objectBuilder().add("type", "none").build();
      case AUTO -> Jsonp.objectBuilder().add("type", "auto").build();
      case REQUIRED -> Jsonp.objectBuilder().add("type", "any").build();
      case FUNCTION ->
          Jsonp.objectBuilder().add("type", "tool").add("name", choice.functionName()).build();
    };
  }

  /** A whole answer ({@code "type": "message"}). */
  static ModelResult result(JsonObject answer, String requestedModel, String provider) {
    JsonArray content = VendorJson.array(answer, "content");
    if (content == null) {
      throw VendorJson.malformed(provider);
    }
    StringBuilder text = new StringBuilder();
    StringBuilder thinking = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonValue value : content) {
      if (!(value instanceof JsonObject block)) {
        continue;
      }
      String type = VendorJson.string(block, "type");
      if ("text".equals(type)) {
        String t = VendorJson.string(block, "text");
        text.append(t == null ? "" : t);
      } else if ("thinking".equals(type)) {
        String t = VendorJson.string(block, "thinking");
        thinking.append(t == null ? "" : t);
      } else if ("tool_use".equals(type)) {
        String id = VendorJson.string(block, "id");
        String name = VendorJson.string(block, "name");
        if (id == null || name == null) {
          throw VendorJson.malformed(provider);
        }
        JsonObject input = VendorJson.object(block, "input");
        calls.add(new ToolCall(id, name, input == null ? "{}" : input.toString()));
      }
    }
    String model = VendorJson.string(answer, "model");
    return new ModelResult(
        model == null ? requestedModel : model,
        List.of(
            ChatMessage.assistant(
                text.length() == 0 && !calls.isEmpty() ? null : text.toString(),
                calls,
                thinking.length() == 0 ? null : thinking.toString())),
        finishReason(VendorJson.string(answer, "stop_reason"), !calls.isEmpty()),
        usage(VendorJson.object(answer, "usage"), 0),
        List.of());
  }

  static FinishReason finishReason(String stopReason, boolean calledTools) {
    if (stopReason == null) {
      return calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    }
    return switch (stopReason) {
      case "max_tokens" -> FinishReason.LENGTH;
      case "tool_use" -> FinishReason.TOOL_CALLS;
      case "refusal" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.STOP;
    };
  }

  /**
   * Anthropic's usage as ours: its {@code input_tokens} leave out cached and cache-written tokens,
   * which our prompt count (OpenAI's) includes.
   */
  static Usage usage(JsonObject usage, long outputTokensFallback) {
    if (usage == null) {
      return null;
    }
    long read = VendorJson.count(usage, "cache_read_input_tokens");
    long written = VendorJson.count(usage, "cache_creation_input_tokens");
    long prompt = VendorJson.count(usage, "input_tokens") + read + written;
    Long output = VendorJson.number(usage, "output_tokens");
    return Usage.of(
        prompt,
        output == null ? outputTokensFallback : output,
        usage.containsKey("cache_read_input_tokens") ? read : null,
        null);
  }
}
