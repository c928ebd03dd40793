package io.openassist.assistant.domain.run;

import java.util.Locale;

/**
 * Why the model stopped, in the chat-completions vocabulary every adapter translates into: it
 * finished ({@code stop}), hit the token limit ({@code length}), wants tool results ({@code
 * tool_calls}), or was stopped by the vendor's content filter ({@code content_filter}).
 */
public enum FinishReason {
  STOP,
  LENGTH,
  TOOL_CALLS,
  CONTENT_FILTER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
