package io.openassist.assistant.domain.run;

import java.util.Objects;

/**
 * Whether and which function the model must call, as OpenAI's {@code tool_choice}: {@code none},
 * {@code auto}, {@code required}, or one named function.
 */
public record ToolChoice(Mode mode, String functionName) {

  public enum Mode {
    NONE,
    AUTO,
    REQUIRED,
    FUNCTION
  }

  public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
  public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
  public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

  public ToolChoice {
    Objects.requireNonNull(mode, "mode");
    if ((mode == Mode.FUNCTION) != (functionName != null)) {
      throw new IllegalArgumentException("A function name goes with mode FUNCTION only");
    }
  }

  public static ToolChoice function(String name) {
    return new ToolChoice(Mode.FUNCTION, name);
  }
}
