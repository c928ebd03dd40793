package io.openassist.assistant.domain.run;

import java.util.List;
import java.util.Objects;

/**
 * What a vendor answered to one {@link ModelRequest}: the model that answered (as the vendor names
 * it), the assistant's messages (text, tool calls, reasoning), why it stopped, the tokens used, and
 * the citations of tool use. {@link #text} is the answer's text: the text of its messages joined.
 */
public record ModelResult(
    String model,
    List<ChatMessage> messages,
    FinishReason finishReason,
    Usage usage,
    List<String> citations) {

  public ModelResult {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(finishReason, "finishReason");
    usage = usage == null ? Usage.NONE : usage;
    citations = citations == null ? List.of() : List.copyOf(citations);
  }

  public String text() {
    StringBuilder text = new StringBuilder();
    for (ChatMessage message : messages) {
      text.append(message.text());
    }
    return text.toString();
  }
}
