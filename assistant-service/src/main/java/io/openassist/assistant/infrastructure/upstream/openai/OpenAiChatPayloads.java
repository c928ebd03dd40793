package io.openassist.assistant.infrastructure.upstream.openai;

import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.ResponseFormat;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.FinishReason;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.ToolCall;
import io.openassist.assistant.domain.run.ToolChoice;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.assistant.infrastructure.upstream.StreamAssembler;
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
 * The Chat Completions wire format, both ways: a {@link ModelRequest} as the request body, and the
 * answer (whole, or as stream chunks) as a {@link ModelResult}. Nothing of this format leaves the
 * openai package.
 */
final class OpenAiChatPayloads {

  private OpenAiChatPayloads() {}

  static JsonObject request(ModelRequest request, boolean stream) {
    JsonObjectBuilder body = Jsonp.objectBuilder().add("model", request.model());
    JsonArrayBuilder messages = Jsonp.arrayBuilder();
    if (request.instructions() != null && !request.instructions().isBlank()) {
      messages.add(
          Jsonp.objectBuilder().add("role", "system").add("content", request.instructions()));
    }
    for (ChatMessage message : request.messages()) {
      messages.add(message(message));
    }
    body.add("messages", messages);
    if (!request.tools().isEmpty()) {
      JsonArrayBuilder tools = Jsonp.arrayBuilder();
      for (FunctionTool tool : request.tools()) {
        tools.add(tool.toJson());
      }
      body.add("tools", tools);
    }
    if (request.toolChoice() != null && !request.tools().isEmpty()) {
      body.add("tool_choice", toolChoice(request.toolChoice()));
    }
    if (request.temperature() != null) {
      body.add("temperature", request.temperature());
    }
    if (request.topP() != null) {
      body.add("top_p", request.topP());
    }
    if (request.maxTokens() != null) {
      body.add("max_tokens", request.maxTokens());
    }
    if (request.responseFormat() != null
        && !(request.responseFormat() instanceof ResponseFormat.Auto)) {
      body.add("response_format", request.responseFormat().toJson());
    }
    if (stream) {
      body.add("stream", true);
      body.add("stream_options", Jsonp.objectBuilder().add("include_usage", true));
    }
    return body.build();
  }

  private static JsonObject message(ChatMessage message) {
    JsonObjectBuilder m = Jsonp.objectBuilder().add("role", message.role().wireName());
    if (message.content() == null) {
      m.add("content", JsonValue.NULL);
    } else {
      m.add("content", message.content());
    }
    if (message.name() != null) {
      m.add("name", message.name());
    }
    if (message.toolCallId() != null) {
      m.add("tool_call_id", message.toolCallId());
    }
    if (!message.toolCalls().isEmpty()) {
      JsonArrayBuilder calls = Jsonp.arrayBuilder();
      for (ToolCall call : message.toolCalls()) {
        calls.add(
            Jsonp.objectBuilder()
                .add("id", call.id())
                .add("type", "function")
                .add(
                    "function",
                    Jsonp.objectBuilder()
                        .add("name", call.name())
                        .add("arguments", call.arguments())));
      }
      m.add("tool_calls", calls);
    }
    return m.build();
  }

  private static JsonValue toolChoice(ToolChoice choice) {
    return switch (choice.mode()) {
      case NONE -> Jsonp.value("none");
      case AUTO -> Jsonp.value("auto");
      case REQUIRED -> Jsonp.value("required");
      case FUNCTION ->
          Jsonp.objectBuilder()
              .add("type", "function")
              .add("function", Jsonp.objectBuilder().add("name", choice.functionName()))
              .build();
    };
  }

  /** A whole answer ({@code chat.completion}). */
  static ModelResult result(JsonObject answer, String requestedModel, String provider) {
    JsonArray choices = VendorJson.array(answer, "choices");
    if (choices == null || choices.isEmpty() || !(choices.get(0) instanceof JsonObject choice)) {
      throw VendorJson.malformed(provider);
    }
    JsonObject message = VendorJson.object(choice, "message");
    if (message == null) {
      throw VendorJson.malformed(provider);
    }
    List<ToolCall> calls = new ArrayList<>();
    JsonArray toolCalls = VendorJson.array(message, "tool_calls");
    if (toolCalls != null) {
      for (JsonValue value : toolCalls) {
        if (value instanceof JsonObject call) {
          JsonObject function = VendorJson.object(call, "function");
          String id = VendorJson.string(call, "id");
          String name = VendorJson.string(function, "name");
          if (id == null || name == null) {
            throw VendorJson.malformed(provider);
          }
          calls.add(new ToolCall(id, name, VendorJson.string(function, "arguments")));
        }
      }
    }
    String reasoning = VendorJson.string(message, "reasoning_content");
    if (reasoning == null) {
      reasoning = VendorJson.string(message, "reasoning");
    }
    String content = VendorJson.string(message, "content");
    if (content == null && calls.isEmpty()) {
      content = VendorJson.string(message, "refusal");
    }
    ChatMessage assistant = ChatMessage.assistant(content, calls, reasoning);
    String model = VendorJson.string(answer, "model");
    return new ModelResult(
        model == null ? requestedModel : model,
        List.of(assistant),
        finishReason(VendorJson.string(choice, "finish_reason"), !calls.isEmpty()),
        usage(VendorJson.object(answer, "usage")),
        List.of());
  }

  static FinishReason finishReason(String reason, boolean calledTools) {
    if (reason == null) {
      return calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    }
    return switch (reason) {
      case "length" -> FinishReason.LENGTH;
      case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
    };
  }

  static Usage usage(JsonObject usage) {
    if (usage == null) {
      return null;
    }
    long prompt = VendorJson.count(usage, "prompt_tokens");
    long completion = VendorJson.count(usage, "completion_tokens");
    Long total = VendorJson.number(usage, "total_tokens");
    Long cached =
        VendorJson.number(VendorJson.object(usage, "prompt_tokens_details"), "cached_tokens");
    Long reasoning =
        VendorJson.number(
            VendorJson.object(usage, "completion_tokens_details"), "reasoning_tokens");
    return new Usage(
        prompt, completion, total == null ? prompt + completion : total, cached, reasoning);
  }

  /**
   * One stream chunk ({@code chat.completion.chunk}) into the assembler; answers the chunk's finish
   * reason, if it has one, so the adapter knows the answer is complete.
   */
  static String chunk(JsonObject chunk, StreamAssembler assembler) {
    String finish = null;
    JsonArray choices = VendorJson.array(chunk, "choices");
    if (choices != null && !choices.isEmpty() && choices.get(0) instanceof JsonObject choice) {
      JsonObject delta = VendorJson.object(choice, "delta");
      if (delta != null) {
        String reasoning = VendorJson.string(delta, "reasoning_content");
        assembler.reasoning(reasoning != null ? reasoning : VendorJson.string(delta, "reasoning"));
        assembler.text(VendorJson.string(delta, "content"));
        JsonArray calls = VendorJson.array(delta, "tool_calls");
        if (calls != null) {
          for (JsonValue value : calls) {
            if (value instanceof JsonObject call) {
              Integer index = VendorJson.integer(call, "index");
              JsonObject function = VendorJson.object(call, "function");
              assembler.toolCall(
                  index != null ? index : assembler.indexFor(VendorJson.string(call, "id")),
                  VendorJson.string(call, "id"),
                  VendorJson.string(function, "name"),
                  VendorJson.string(function, "arguments"));
            }
          }
        }
      }
      finish = VendorJson.string(choice, "finish_reason");
    }
    return finish;
  }
}
