package io.openassist.common.error;

import java.util.List;

/**
 * No valid credentials: 401. The body never says why (missing, malformed, unknown, expired and
 * revoked credentials all read the same), so that it tells an attacker nothing.
 */
public class UnauthenticatedException extends ApiException {

  public UnauthenticatedException() {
    super(401, "unauthenticated", "Unauthenticated", "Invalid credentials", List.of());
  }
}
