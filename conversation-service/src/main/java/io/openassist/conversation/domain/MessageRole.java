package io.openassist.conversation.domain;

import java.util.Locale;

/** Who speaks in a message, as in OpenAI's chat messages. */
public enum MessageRole {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named on the wire or in a row, or null for anything else. */
  public static MessageRole fromWire(String value) {
    for (MessageRole role : values()) {
      if (role.wire().equals(value)) {
        return role;
      }
    }
    return null;
  }
}
