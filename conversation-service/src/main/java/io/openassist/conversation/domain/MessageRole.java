package io.openassist.conversation.domain;

import java.util.Locale;

/** Who speaks in a message, as in OpenAI's chat messages. */
public enum MessageRole {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
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
