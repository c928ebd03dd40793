package io.openassist.assistant.domain.run;

import io.openassist.common.error.ApiException;
import java.time.Duration;
import java.util.List;

/**
 * A model call that failed at the vendor, as our caller sees it: never the vendor's raw body, key
 * or stack trace, only what the caller (or, for our own misconfiguration, the operator) can act on.
 * Each kind has its status and stable code; {@link #kind} is what the run record keeps.
 */
public final class UpstreamException extends ApiException {

  /** The kinds of failure, each with the status and code our caller gets. */
  public enum Kind {
    /** The vendor asks us to slow down: 429, with its Retry-After. */
    RATE_LIMITED(429, "upstream_rate_limited", "Too many requests"),
    /** The vendor refused the request as invalid (context too long, ...): 400, its message. */
    REJECTED(400, "upstream_rejected", "Invalid request"),
    /** The vendor refused our credentials or our account: 502, for the operator to fix. */
    MISCONFIGURED(502, "upstream_misconfigured", "Bad gateway"),
    /** The vendor failed, answered nonsense, or could not be reached: 502. */
    FAILED(502, "upstream_failed", "Bad gateway"),
    /** The vendor did not answer in time: 504. */
    TIMEOUT(504, "upstream_timeout", "Gateway timeout"),
    /** Calls to this provider fail fast for a while after repeated failures: 503. */
    CIRCUIT_OPEN(503, "upstream_unavailable", "Service unavailable"),
    /** This provider already has as many calls in flight as it may: 503. */
    BUSY(503, "upstream_busy", "Service unavailable"),
    /** Our service is shutting down and broke the call off at the end of its grace period. */
    STOPPING(503, "service_stopping", "Service unavailable");

    private final int status;
    private final String code;
    private final String title;

    Kind(int status, String code, String title) {
      this.status = status;
      this.code = code;
      this.title = title;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  private final Kind kind;

  public UpstreamException(Kind kind, String detail) {
    this(kind, detail, null);
  }

  public UpstreamException(Kind kind, String detail, Duration retryAfter) {
    super(kind.status, kind.code, kind.title, detail, List.of(), retryAfter);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
