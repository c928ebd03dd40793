package io.openassist.assistant.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a run's error answer into a {@link RunFailedException} carrying what assistant-service
 * said: the status, the problem's {@code code} and {@code detail}, and {@code Retry-After}.
 */
public class AssistantRunErrors implements ResponseExceptionMapper<RunFailedException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RunFailedException toThrowable(Response response) {
    String code = "run_failed";
    String detail = "assistant-service answered " + response.getStatus();
    try {
      JsonObject problem = response.readEntity(JsonObject.class);
      if (problem.get("code") instanceof JsonString c) {
        code = c.getString();
      }
      if (problem.get("detail") instanceof JsonString d) {
        detail = d.getString();
      }
    } catch (ProcessingException | IllegalStateException | ClassCastException notAProblem) {
      // keep the generic code and detail
    }
    return RunFailedException.of(response.getStatus(), code, detail, retryAfter(response));
  }

  private static Duration retryAfter(Response response) {
    String header = response.getHeaderString("Retry-After");
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
