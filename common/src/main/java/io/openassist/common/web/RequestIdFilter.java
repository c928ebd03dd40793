package io.openassist.common.web;

import io.openassist.common.id.IdGenerator;
import io.openassist.common.telemetry.LogFields;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Gives every request an id before anything else runs and returns it in the {@code X-Request-Id}
 * response header, so that a caller can quote it and an operator can find the request's log lines
 * (in JSON logs, the field {@code ext_requestId}: {@link LogFields}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  @Inject RequestCorrelation correlation;

  @Override
  public void filter(ContainerRequestContext request) {
    String requestId = requestIdFor(request.getHeaderString(HEADER));
    correlation.assign(requestId);
    LogFields.requestStarted(requestId);
  }

  /** The caller's own request id when it is a plausible one, a new one otherwise. */
  public static String requestIdFor(String offered) {
    return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newRequestId();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HEADER, correlation.requestId());
    LogFields.requestEnded();
  }

  static String newRequestId() {
    return IdGenerator.newId("req");
  }
}
