package io.openassist.common.error;

import java.util.List;

/**
 * The caller may see the object but not do this to it: 403. Used only where the caller already
 * knows the object exists; an object it may not see is a {@link ResourceNotFoundException}.
 */
public class ForbiddenException extends ApiException {

  public ForbiddenException(String detail) {
    super(403, "forbidden", "Forbidden", detail, List.of());
  }
}
