package io.openassist.common.error;

import java.util.List;

/** The request collides with the current state of an object (a taken unique name, say): 409. */
public class ConflictException extends ApiException {

  public ConflictException(String code, String detail) {
    super(409, code, "Conflict", detail, List.of());
  }
}
