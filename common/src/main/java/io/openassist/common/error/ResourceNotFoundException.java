package io.openassist.common.error;

import java.util.List;

/**
 * The object does not exist for this caller: 404. Objects the caller may not see raise exactly this
 * too, with the same wording, so that a response never reveals whether an id exists.
 */
public class ResourceNotFoundException extends ApiException {

  public ResourceNotFoundException(String kind, String id) {
    super(404, "not_found", "Not found", "No " + kind + " found with id '" + id + "'", List.of());
  }
}
