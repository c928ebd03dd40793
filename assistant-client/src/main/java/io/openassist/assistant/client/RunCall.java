package io.openassist.assistant.client;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A run request to assistant-service: the chat so far as OpenAI chat messages (built by the caller
 * from its own records), an optional model override and metadata kept with the run's record.
 */
public record RunCall(List<JsonObject> messages, String model, JsonObject metadata) {}
