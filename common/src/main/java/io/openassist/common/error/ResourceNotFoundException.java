package io.openassist.common.error;

import java.util.List;

/**
 * The object does not exist for this caller: 404. Objects the caller may not see raise exactly this
 * too, with the same wording, so that a response never reveals whether an id exists.
 */
public class ResourceNotFoundException extends ApiException {

  /**
   * The detail names the kind of object but not the id, so that the body for an object of another
   * organisation is byte for byte the body for one that never existed.
   */
  public ResourceNotFoundException(String kind) {
    super(404, "not_found", "Not found", "No " + kind + " with this id exists", List.of());
  }
}
