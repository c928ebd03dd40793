package io.openassist.common.error;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that is not JSON, or whose values have the wrong types or unknown members: 400
 * {@code malformed_json}. The detail names the position of a syntax error but never echoes the
 * parser's internal message, which would expose class names.
 */
@Provider
public class MalformedBodyExceptionMapper implements ExceptionMapper<ProcessingException> {

  @Inject ProblemResponses problems;

  @Override
  public Response toResponse(ProcessingException e) {
    if (!isUnreadableBody(e)) {
      return UnexpectedExceptionMapper.unexpected(problems, e);
    }
    return malformed(problems, e);
  }

  static boolean isUnreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonException) {
        return true;
      }
    }
    return false;
  }

  static Response malformed(ProblemResponses problems, Throwable e) {
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
