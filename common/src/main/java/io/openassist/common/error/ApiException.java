package io.openassist.common.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure the caller can act on, carrying everything its problem body needs. Domain and
 * application code throw the subclasses; {@link ApiExceptionMapper} turns them into responses.
 */
public abstract class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<Problem.FieldError> fieldErrors;
  private final Duration retryAfter;

  protected ApiException(
      int status, String code, String title, String detail, List<Problem.FieldError> errors) {
    this(status, code, title, detail, errors, null);
  }

  /** A failure worth retrying after {@code retryAfter}, which the answer's Retry-After says. */
  protected ApiException(
      int status,
      String code,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      Duration retryAfter) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.fieldErrors = errors == null ? List.of() : List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** How long the caller should wait before trying again, when the failure says so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
