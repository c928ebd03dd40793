package io.openassist.assistant.application.run;

/**
 * Thrown by a stream's listener when the caller it writes to has gone (the connection closed): the
 * run stops and its upstream call is aborted.
 */
public final class CallerGone extends RuntimeException {

  public CallerGone(Throwable cause) {
    super("The caller closed the connection", cause, false, false);
  }

  static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CallerGone) {
        return true;
      }
    }
    return false;
  }
}
