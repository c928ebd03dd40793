package io.openassist.common.error;

import java.util.List;

/** The request body is larger than this endpoint accepts: 413, and nothing of it was kept. */
public class PayloadTooLargeException extends ApiException {

  public PayloadTooLargeException(long limit) {
    super(
        413,
        "payload_too_large",
        "Payload too large",
        "The request body is larger than the " + limit + " bytes this endpoint accepts",
        List.of());
  }

  /** The same status and code, with a detail that says what was too large. */
  public PayloadTooLargeException(String detail) {
    super(413, "payload_too_large", "Payload too large", detail, List.of());
  }
}
