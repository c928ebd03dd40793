package io.openassist.assistant.client;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A run request to assistant-service: the chat so far as OpenAI chat messages (built by the caller
 * from its own records), an optional model override, metadata kept with the run's record, and
 * whether to stream (set by {@link AssistantRunStreams}).
 */
public record RunCall(
    List<JsonObject> messages, String model, JsonObject metadata, Boolean stream) {

  public RunCall(List<JsonObject> messages, String model, JsonObject metadata) {
    this(messages, model, metadata, null);
  }

  RunCall streamed() {
    return new RunCall(messages, model, metadata, true);
  }
}
