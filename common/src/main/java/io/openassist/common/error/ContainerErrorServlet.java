package io.openassist.common.error;

import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.RequestIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The error page of every service (declared in common's {@code web-fragment.xml}): what the web
 * container refuses before Jakarta REST sees the request — an encoded slash or NUL in the path, a
 * malformed escape — answered as a problem body like every other error. Asked for directly, it is
 * not there (404).
 */
@WebServlet(name = "openassist-container-errors", urlPatterns = "/_problem")
public class ContainerErrorServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number && number >= 400 ? number : 404;
    String requestId = RequestIdFilter.requestIdFor(request.getHeader(RequestIdFilter.HEADER));
    LOG.info(() -> "request_id=" + requestId + " status=" + status + " refused by the container");
    Problem problem =
        switch (status) {
          case 400 ->
              problem(
                  status,
                  "bad_request",
                  "Bad request",
                  "The request URI or its headers are not valid (for example an encoded slash,"
                      + " NUL or malformed escape in the path)",
                  requestId);
          case 404 ->
              problem(status, "not_found", "Not found", "There is nothing at this path", requestId);
          case 405 ->
              problem(
                  status,
                  "method_not_allowed",
                  "Method not allowed",
                  "This path does not accept this HTTP method",
                  requestId);
          case 413 ->
              problem(
                  status,
                  "payload_too_large",
                  "Payload too large",
                  "The request body is larger than this endpoint accepts",
                  requestId);
          default ->
              status >= 500
                  ? problem(
                      status,
                      "internal_error",
                      "Internal error",
                      "The request could not be completed; quote request_id when reporting it",
                      requestId)
                  : problem(
                      status, "bad_request", "Bad request", "The request is not valid", requestId);
        };
    response.resetBuffer();
    response.setStatus(status);
    response.setHeader(RequestIdFilter.HEADER, requestId);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JsonbConfiguration.JSONB.toJson(problem));
  }

  private static Problem problem(
      int status, String code, String title, String detail, String requestId) {
    return new Problem(Problem.typeFor(code), title, status, detail, code, requestId, null);
  }
}
