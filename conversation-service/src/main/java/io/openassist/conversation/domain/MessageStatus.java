package io.openassist.conversation.domain;

import java.util.Locale;

/** Whether a message is complete, or records a turn whose run failed. */
public enum MessageStatus {
  COMPLETED,
  FAILED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  public static MessageStatus fromWire(String value) {
    for (MessageStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("No message status " + value);
  }
}
