package io.openassist.common.error;

import java.util.List;

/** The request is well-formed JSON but breaks a rule: 400, with the offending fields named. */
public class InvalidRequestException extends ApiException {

  public InvalidRequestException(String code, String detail) {
    super(400, code, "Invalid request", detail, List.of());
  }

  public InvalidRequestException(String code, String detail, List<Problem.FieldError> errors) {
    super(400, code, "Invalid request", detail, errors);
  }

  public InvalidRequestException(List<Problem.FieldError> errors) {
    super(400, "validation_failed", "Invalid request", summarise(errors), errors);
  }

  private static String summarise(List<Problem.FieldError> errors) {
    if (errors.size() == 1) {
      Problem.FieldError only = errors.get(0);
      return only.field() + ": " + only.message();
    }
    return errors.size() + " fields are invalid; see errors";
  }
}
