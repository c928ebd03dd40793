package io.openassist.common.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Domain and application failures ({@link ApiException} and its family) as problem bodies. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ApiException e) {
    return problems.of(e);
  }
}
