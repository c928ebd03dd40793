package io.openassist.common.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: 500 with a request id and no internals. The stack trace goes to the
 * log under that id, never to the caller.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(Throwable e) {
    // A failure of ours raised deep inside the runtime (a body limit passed while a multipart
    // body is parsed) arrives wrapped: it still answers as itself.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ApiException api) {
        return problems.of(api);
      }
    }
    LOG.log(Level.SEVERE, "request_id=" + problems.requestId() + " failed unexpectedly", e);
    return problems.of(
        500,
        "internal_error",
        "Internal error",
        "The request could not be completed; quote request_id when reporting it");
  }
}
