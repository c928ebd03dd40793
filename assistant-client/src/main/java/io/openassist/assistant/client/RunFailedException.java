package io.openassist.assistant.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A run assistant-service did not complete: its status (4xx: the request or the caller was refused;
 * 5xx: the run or the vendor failed), the problem's code and detail, and how long to wait before
 * retrying when it said so. A status of 0 means assistant-service could not be reached at all.
 */
public sealed class RunFailedException extends RuntimeException {

  private final int status;
  private final String code;
  private final Duration retryAfter;

  RunFailedException(int status, String code, String detail, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the request was refused as it stands (a 4xx other than 408 and 429). */
  public boolean refused() {
    return this instanceof Refused;
  }

  /** What assistant-service said, typed: a refusal ({@link Refused}) or a failure. */
  public static RunFailedException of(int status, String code, String detail, Duration retryAfter) {
    return status >= 400 && status < 500 && status != 408 && status != 429
        ? new Refused(status, code, detail)
        : new RunFailedException(status, code, detail, retryAfter);
  }

  /**
   * A 4xx other than 408 and 429: the request or the caller was refused; repeating it won't help.
   */
  public static final class Refused extends RunFailedException {
    Refused(int status, String code, String detail) {
      super(status, code, detail, null);
    }
  }
}
