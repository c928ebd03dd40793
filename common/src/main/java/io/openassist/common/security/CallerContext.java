package io.openassist.common.security;

import io.openassist.common.error.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by {@link AuthenticationFilter}. Application code
 * asks it for the caller rather than taking identity from request bodies or parameters.
 */
@RequestScoped
public class CallerContext {

  private Caller caller;

  /** The authenticated caller; a request that reached here without one is refused. */
  public Caller caller() {
    if (caller == null) {
      throw new UnauthenticatedException();
    }
    return caller;
  }

  void authenticate(Caller authenticated) {
    this.caller = authenticated;
  }
}
