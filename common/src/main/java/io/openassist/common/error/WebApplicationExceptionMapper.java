package io.openassist.common.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What Jakarta REST itself rejects (no such path, wrong method, unsupported media type, unreadable
 * body) in the problem shape instead of the runtime's default page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(WebApplicationException e) {
    if (MalformedBodyExceptionMapper.isUnreadableBody(e)) {
      return MalformedBodyExceptionMapper.malformed(problems, e);
    }
    int status = e.getResponse().getStatus();
    Response response =
        switch (status) {
          case 404 -> problems.of(404, "not_found", "Not found", "There is nothing at this path");
          case 405 ->
              problems.of(
                  405,
                  "method_not_allowed",
                  "Method not allowed",
                  "This path does not accept this HTTP method");
          case 406 ->
              problems.of(
                  406,
                  "not_acceptable",
                  "Not acceptable",
                  "This resource answers in application/json only");
          case 415 ->
              problems.of(
                  415,
                  "unsupported_media_type",
                  "Unsupported media type",
                  "Send the request body as application/json");
          default ->
              status >= 500
                  ? problems.of(
                      status,
                      "internal_error",
                      "Internal error",
                      "The request could not be completed")
                  : problems.of(status, "bad_request", "Bad request", "The request is not valid");
        };
    Object allow = e.getResponse().getHeaders().getFirst("Allow");
    return allow == null
        ? response
        : Response.fromResponse(response).header("Allow", allow).build();
  }
}
