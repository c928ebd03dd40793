package io.openassist.assistant.domain.run;

import io.openassist.assistant.domain.FunctionTool;
import io.openassist.assistant.domain.ResponseFormat;
import java.util.List;
import java.util.Objects;

/**
 * What one model call asks of a vendor, vendor-neutral: the model as that vendor names it, the
 * system instructions, the conversation in order, the functions the model may call, and the
 * sampling settings (null where the vendor's default applies). Every adapter translates exactly
 * this into its vendor's request.
 */
public record ModelRequest(
    String model,
    String instructions,
    List<ChatMessage> messages,
    List<FunctionTool> tools,
    ToolChoice toolChoice,
    Double temperature,
    Double topP,
    Integer maxTokens,
    ResponseFormat responseFormat) {

  public ModelRequest {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
