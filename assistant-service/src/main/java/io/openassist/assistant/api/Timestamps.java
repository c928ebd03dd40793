package io.openassist.assistant.api;

import java.time.Instant;

/** Times on the wire are unix seconds, as in the OpenAI objects; absent times are null. */
final class Timestamps {

  private Timestamps() {}

  static Long seconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }
}
