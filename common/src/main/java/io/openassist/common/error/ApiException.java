package io.openassist.common.error;

import java.util.List;

/**
 * A failure the caller can act on, carrying everything its problem body needs. Domain and
 * application code throw the subclasses; {@link ApiExceptionMapper} turns them into responses.
 */
public abstract class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<Problem.FieldError> fieldErrors;

  protected ApiException(
      int status, String code, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.fieldErrors = errors == null ? List.of() : List.copyOf(errors);
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
}
