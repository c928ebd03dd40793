package io.openassist.common.error;

import io.openassist.common.web.RequestCorrelation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds every error response of the native API, so that all of them have the same shape, carry the
 * request id, and leave one log line an operator can find by that id.
 */
@ApplicationScoped
public class ProblemResponses {

  private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

  @Inject RequestCorrelation correlation;

  public Response of(int status, String code, String title, String detail) {
    return of(status, code, title, detail, List.of());
  }

  public Response of(
      int status, String code, String title, String detail, List<Problem.FieldError> errors) {
    String requestId = correlation.requestId();
    LOG.log(
        status >= 500 ? Level.WARNING : Level.INFO,
        () -> "request_id=" + requestId + " status=" + status + " code=" + code);
    Problem problem =
        new Problem(
            Problem.typeFor(code),
            title,
            status,
            detail,
            code,
            requestId,
            errors.isEmpty() ? null : errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
  }

  /** The problem for a domain or application failure, with the headers its status calls for. */
  public Response of(ApiException e) {
    Response response = of(e.status(), e.code(), e.title(), e.getMessage(), e.fieldErrors());
    if (e instanceof UnauthenticatedException) {
      return Response.fromResponse(response)
          .header("WWW-Authenticate", "Bearer realm=\"openassist\"")
          .build();
    }
    if (e instanceof PayloadTooLargeException) {
      // The rest of the body is never read: the connection cannot carry another request.
      return Response.fromResponse(response).header("Connection", "close").build();
    }
    if (e.retryAfter().isPresent()) {
      return Response.fromResponse(response)
          .header("Retry-After", retryAfterSeconds(e.retryAfter().get()))
          .build();
    }
    return response;
  }

  /** Whole seconds, rounded up, never 0: a Retry-After of 0 invites an immediate hammering. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  public String requestId() {
    return correlation.requestId();
  }
}
