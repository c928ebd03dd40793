package io.openassist.common.error;

import java.util.List;

/** A service this request depends on could not be reached in time: 503, worth retrying. */
public class ServiceUnavailableException extends ApiException {

  public ServiceUnavailableException(String code, String detail) {
    super(503, code, "Service unavailable", detail, List.of());
  }
}
