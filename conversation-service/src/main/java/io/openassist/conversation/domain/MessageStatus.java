package io.openassist.conversation.domain;

import java.util.Locale;

/** Whether a message is complete, or records a turn whose run failed. */
public enum MessageStatus {
  COMPLETED,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MessageStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
