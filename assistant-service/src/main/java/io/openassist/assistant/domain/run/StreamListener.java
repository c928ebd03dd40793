package io.openassist.assistant.domain.run;

/**
 * Receives a streamed answer piece by piece, as the vendor sends it. A listener that throws (the
 * caller has gone) makes the adapter abort the upstream request at once.
 */
public interface StreamListener {

  /**
   * The vendor has accepted the call (a 2xx answer): pieces follow. Whatever fails before this is
   * the run's failure as a whole (the caller gets it as an ordinary problem, with its status and
   * Retry-After); whatever fails after it, fails the stream.
   */
  default void opened() {}

  /** A piece of the answer's text. */
  void text(String delta);

  /**
   * A piece of a tool call: the call's position in the answer, and whatever of its id, name and
   * arguments this piece carries (null for what it does not).
   */
  void toolCall(int index, String id, String name, String argumentsDelta);

  /** A piece of the model's reasoning, where the vendor streams it. */
  default void reasoning(String delta) {}
}
