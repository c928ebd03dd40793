package io.openassist.assistant.domain.run;

import java.util.Objects;

/**
 * A call of one of the run's functions by the model: the vendor's call id (which the caller's
 * {@code tool} message answers), the function's name, and its arguments as the JSON text the model
 * wrote (kept as text: a model may write JSON that does not parse, and the caller decides).
 */
public record ToolCall(String id, String name, String arguments) {

  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null ? "" : arguments;
  }
}
