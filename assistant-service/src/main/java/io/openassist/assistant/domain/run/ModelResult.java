package io.openassist.assistant.domain.run;

import java.util.List;
import java.util.Objects;

/**
 * What a vendor answered to one {@link ModelRequest}: the model that answered (as the vendor names
 * it), the assistant's messages (text, tool calls, reasoning), why it stopped, the tokens used, and
 * the citations of tool use, and the answer's {@code text}: the vendor's own where it gives one
 * (meinGPT), else the text of the assistant's messages joined.
 */
public record ModelResult(
    String model,
    List<ChatMessage> messages,
    FinishReason finishReason,
    Usage usage,
    List<String> citations,
    String text) {

  public ModelResult {
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    Objects.requireNonNull(finishReason, "finishReason");
    usage = usage == null ? Usage.NONE : usage;
    citations = citations == null ? List.of() : List.copyOf(citations);
    if (text == null) {
      StringBuilder joined = new StringBuilder();
      for (ChatMessage message : messages) {
        if (message.role() == MessageRole.ASSISTANT) {
          joined.append(message.text());
        }
      }
      text = joined.toString();
    }
  }

  /** A result whose text is that of its assistant messages. */
  public ModelResult(
      String model,
      List<ChatMessage> messages,
      FinishReason finishReason,
      Usage usage,
      List<String> citations) {
    this(model, messages, finishReason, usage, citations, null);
  }
}
