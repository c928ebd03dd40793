package io.openassist.assistant.client;

import io.openassist.common.security.AccessResponse;
import io.openassist.common.security.CallerResponse;
import io.openassist.common.web.JsonbConfiguration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * What the other services ask assistant-service, always with the caller's own {@code Authorization}
 * header so that assistant-service decides as for the caller, and with the request's {@code
 * X-Request-Id}. URL and timeouts come from MicroProfile Config under the key {@code
 * assistant-service} (see this module's {@code microprofile-config.properties}); error statuses
 * become {@link AssistantServiceException}s; bodies are read with the API's own JSON-B
 * configuration ({@link JsonbConfiguration}, snake_case).
 */
@RegisterRestClient(configKey = "assistant-service")
@RegisterProvider(AssistantServiceErrors.class)
@RegisterProvider(JsonbConfiguration.class)
@RegisterClientHeaders(RequestIdPropagation.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AssistantServiceClient {

  /** Who holds the credential in this header. */
  @GET
  @Path("/me")
  CallerResponse me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** The assistant, as its holder may see it (404 when it may not). */
  @GET
  @Path("/assistants/{assistant_id}")
  jakarta.json.JsonObject assistant(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("assistant_id") String assistantId);

  /** The permission of the credential's holder on an assistant (404 when it may not see it). */
  @GET
  @Path("/assistants/{assistant_id}/access")
  AccessResponse access(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("assistant_id") String assistantId);
}
