package io.openassist.common.web;

import io.openassist.common.error.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * The rules every endpoint that takes a body shares: an empty body is a 400 {@code missing_body}; a
 * body's Bean Validation constraints are checked by Jakarta REST ({@code @Valid} on the parameter),
 * or by {@link #valid} where an endpoint must check something else first.
 */
public final class RequestBodies {

  private RequestBodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw new InvalidRequestException("missing_body", "A JSON object body is required");
    }
    return body;
  }

  /**
   * The body, present and valid; for endpoints that must refuse the caller before they judge the
   * body (onboarding checks the operator token first), so cannot use {@code @Valid}.
   */
  public static <T> T valid(Validator validator, T body) {
    Set<ConstraintViolation<T>> violations = validator.validate(required(body));
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
