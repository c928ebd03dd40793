package io.openassist.conversation.application;

import io.openassist.common.error.ApiException;
import java.time.Duration;
import java.util.List;

/**
 * A turn whose run did not complete. Nothing is lost: the user's message is stored, and so is the
 * failed reply (an assistant message with {@code status: failed}), whose ids the problem names so
 * that the client can show them and regenerate. The status is assistant-service's when it refused
 * or failed the run (400, 404, 429, 502, 504, ...), 502 when it could not be reached.
 */
public class TurnFailedException extends ApiException {

  private final String userMessageId;
  private final String failedMessageId;

  TurnFailedException(
      int status,
      String code,
      String detail,
      Duration retryAfter,
      String userMessageId,
      String failedMessageId) {
    super(status, code, "The turn's run failed", detail, List.of(), retryAfter);
    this.userMessageId = userMessageId;
    this.failedMessageId = failedMessageId;
  }

  public String userMessageId() {
    return userMessageId;
  }

  public String failedMessageId() {
    return failedMessageId;
  }
}
