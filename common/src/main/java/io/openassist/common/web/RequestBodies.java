package io.openassist.common.web;

import io.openassist.common.error.InvalidRequestException;

/**
 * The rule every endpoint that takes a body shares: an empty body is a 400 {@code missing_body}.
 */
public final class RequestBodies {

  private RequestBodies() {}

  public static <T> T required(T body) {
    if (body == null) {
      throw new InvalidRequestException("missing_body", "A JSON object body is required");
    }
    return body;
  }
}
