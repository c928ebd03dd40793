package io.openassist.common.error;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
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
    if (e.getCause() instanceof ApiException cause) {
      return problems.of(cause);
    }
    if (isUnreadableBody(e)) {
      return malformed(e);
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
          case 413 ->
              problems.of(
                  413,
                  "payload_too_large",
                  "Payload too large",
                  "The request body is larger than this endpoint accepts");
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

  private static boolean isUnreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return true;
      }
    }
    return false;
  }

  /**
   * 400 {@code malformed_json}. The detail names the position of a syntax error but never echoes
   * the parser's own message, which would expose class names.
   */
  private Response malformed(Throwable e) {
    String detail =
        "The request body is not valid JSON, has a value of the wrong type, or has a member this"
            + " endpoint does not accept";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
        detail =
            "The request body is not valid JSON (line "
                + parsing.getLocation().getLineNumber()
                + ", column "
                + parsing.getLocation().getColumnNumber()
                + ")";
        break;
      }
    }
    return problems.of(400, "malformed_json", "Malformed request body", detail);
  }
}
