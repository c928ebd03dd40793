package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.RunService.Run;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.KnowledgeSearch;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.ToolCall;
import io.openassist.assistant.domain.run.Usage;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The run object, {@code assistant.run}: meinGPT's run answer ({@code text}, {@code model}, {@code
 * messages} with tool calls and reasoning, {@code usage}, {@code citations}) plus its id, why the
 * model stopped, and when the run started.
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "text",
  "model",
  "messages",
  "usage",
  "citations",
  "fileCitations",
  "finishReason",
  "createdAt"
})
public record RunResponse(
    String id,
    String object,
    String text,
    String model,
    JsonArray messages,
    UsageResponse usage,
    List<String> citations,
    List<FileCitation> fileCitations,
    String finishReason,
    long createdAt) {

  /**
   * A passage of the assistant's knowledge files the run was given (file_search): the file, the
   * passage's position among its chunks and character range, its score and text.
   */
  @JsonbPropertyOrder({"fileId", "fileName", "position", "start", "end", "score", "text"})
  public record FileCitation(
      String fileId, String fileName, int position, int start, int end, double score, String text) {

    static FileCitation from(KnowledgeSearch.Passage p) {
      return new FileCitation(
          p.fileId(), p.fileName(), p.position(), p.start(), p.end(), p.score(), p.text());
    }
  }

  static final String OBJECT = "assistant.run";

  /** Tokens used: prompt, completion, total; cached and reasoning tokens when reported. */
  @JsonbPropertyOrder({
    "promptTokens",
    "completionTokens",
    "totalTokens",
    "cachedTokens",
    "reasoningTokens"
  })
  public record UsageResponse(
      long promptTokens,
      long completionTokens,
      long totalTokens,
      Long cachedTokens,
      Long reasoningTokens) {

    static UsageResponse from(Usage u) {
      return new UsageResponse(
          u.promptTokens(),
          u.completionTokens(),
          u.totalTokens(),
          u.cachedTokens(),
          u.reasoningTokens());
    }
  }

  static RunResponse from(Run run) {
    ModelResult result = run.result();
    JsonArrayBuilder messages = Jsonp.arrayBuilder();
    for (ChatMessage message : result.messages()) {
      messages.add(message(message));
    }
    return new RunResponse(
        run.id(),
        OBJECT,
        result.text(),
        result.model(),
        messages.build(),
        UsageResponse.from(result.usage()),
        run.citations(),
        run.passages().stream().map(FileCitation::from).toList(),
        result.finishReason().wireName(),
        run.createdAt().getEpochSecond());
  }

  /**
   * A message as OpenAI writes an assistant message, plus {@code reasoning} where there is some.
   */
  static JsonObject message(ChatMessage message) {
    JsonObjectBuilder m = Jsonp.objectBuilder().add("role", message.role().wireName());
    m.add("content", message.content() == null ? JsonValue.NULL : Jsonp.value(message.content()));
    if (!message.toolCalls().isEmpty()) {
      JsonArrayBuilder calls = Jsonp.arrayBuilder();
      for (ToolCall call : message.toolCalls()) {
        calls.add(toolCall(call.id(), call.name(), call.arguments()));
      }
      m.add("tool_calls", calls);
    }
    if (message.reasoning() != null) {
      m.add("reasoning", message.reasoning());
    }
    return m.build();
  }

  static JsonObject toolCall(String id, String name, String arguments) {
    JsonObjectBuilder function = Jsonp.objectBuilder();
    if (name != null) {
      function.add("name", name);
    }
    if (arguments != null) {
      function.add("arguments", arguments);
    }
    JsonObjectBuilder call = Jsonp.objectBuilder();
    if (id != null) {
      call.add("id", id);
    }
    return call.add("type", "function").add("function", function).build();
  }
}
