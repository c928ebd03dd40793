package io.openassist.common.web;

import jakarta.enterprise.context.RequestScoped;

/**
 * The id that ties one request's response, problem body and log lines together. Set by {@link
 * RequestIdFilter} before anything else runs; taken from the caller's {@code X-Request-Id} when it
 * is a plausible id, generated otherwise.
 */
@RequestScoped
public class RequestCorrelation {

  private String requestId;

  public String requestId() {
    if (requestId == null) {
      requestId = RequestIdFilter.newRequestId();
    }
    return requestId;
  }

  void assign(String id) {
    this.requestId = id;
  }
}
