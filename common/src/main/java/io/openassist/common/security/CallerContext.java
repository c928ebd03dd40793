package io.openassist.common.security;

import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request, set once by {@link AuthenticationFilter}. Application code
 * asks it for the caller rather than taking identity from request bodies or parameters.
 */
@RequestScoped
public class CallerContext {

  private Caller caller;
  private String credential;

  /** The authenticated caller; a request that reached here without one is refused. */
  public Caller caller() {
    if (caller == null) {
      throw new UnauthenticatedException();
    }
    return caller;
  }

  /** The caller, who must be an admin of its organisation to do {@code what}; else a 403. */
  public Caller requireAdmin(String what) {
    Caller current = caller();
    if (!current.admin()) {
      throw new ForbiddenException("Only organisation admins may " + what);
    }
    return current;
  }

  /**
   * The credential the caller presented, for calls to other services on its behalf (identity
   * propagation). Never logged, never returned.
   */
  public String credential() {
    caller();
    return credential;
  }

  void authenticate(Caller authenticated, String presented) {
    this.caller = authenticated;
    this.credential = presented;
  }
}
