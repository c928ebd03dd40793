package io.openassist.assistant.domain.run;

import java.util.Locale;

/** Who a chat message is from, as the chat-completions contract names them. */
public enum MessageRole {
  SYSTEM,
  USER,
  ASSISTANT,
  TOOL;

  /** The wire name: {@code system}, {@code user}, {@code assistant} or {@code tool}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of a wire name, or null when it names none. */
  public static MessageRole fromWire(String name) {
    for (MessageRole role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
