package io.openassist.assistant.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns assistant-service's error statuses into {@link AssistantServiceException}s. */
public class AssistantServiceErrors implements ResponseExceptionMapper<AssistantServiceException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public AssistantServiceException toThrowable(Response response) {
    return switch (response.getStatus()) {
      case 401 -> new AssistantServiceException.CredentialRejected();
      case 404 -> new AssistantServiceException.NotVisible();
      default -> new AssistantServiceException.Failed(response.getStatus());
    };
  }
}
