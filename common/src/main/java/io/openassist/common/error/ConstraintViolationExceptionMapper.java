package io.openassist.common.error;

import io.openassist.common.web.json.JsonShape;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request parameters and bodies: 400 with each field named. */
@Provider
public class ConstraintViolationExceptionMapper
    implements ExceptionMapper<ConstraintViolationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return problems.of(new InvalidRequestException(errors));
  }

  /**
   * The field as the caller wrote it: the path below the method parameter, each member in its wire
   * name, with list indexes and map keys, e.g. {@code admin.email} or {@code tools[0].type}. A
   * constraint on a parameter itself is named by the parameter.
   */
  public static String fieldName(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    String last = "request";
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE, BEAN -> {}
        case PARAMETER -> last = node.getName();
        case PROPERTY, CONTAINER_ELEMENT -> {
          appendIndex(field, node);
          if (node.getKind() == ElementKind.PROPERTY) {
            if (field.length() > 0) {
              field.append('.');
            }
            field.append(JsonShape.snakeCase(node.getName()));
          }
        }
      }
    }
    return field.length() > 0 ? field.toString() : last;
  }

  private static void appendIndex(StringBuilder field, Path.Node node) {
    if (node.getIndex() != null) {
      field.append('[').append(node.getIndex()).append(']');
    } else if (node.getKey() != null) {
      field.append('.').append(node.getKey());
    }
  }
}
