package io.openassist.common.web;

import io.openassist.common.error.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * The rules every endpoint that takes a body shares: an empty body is a 400 {@code missing_body},
 * and a body's Bean Validation constraints are checked by {@link #valid}, which each resource
 * method calls first (or after what it must refuse the caller for first).
 *
 * <p>Not {@code @Valid} on the parameter: on a CDI resource, RESTEasy validated such a parameter
 * and then Hibernate Validator's method-validation interceptor validated it again when RESTEasy
 * called the method (RESTEASY-3339), and every call went through that interceptor's reflective
 * invocation too. Constraints inside a body ({@code @Valid} on its members) are unaffected.
 */
public final class RequestBodies {

  private RequestBodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw new InvalidRequestException("missing_body", "A JSON object body is required");
    }
    return body;
  }

  /** The body, present and valid (else a 400 naming each invalid member, as the mapper writes). */
  public static <T> T valid(Validator validator, T body) {
    Set<ConstraintViolation<T>> violations = validator.validate(required(body));
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return body;
  }
}
