package io.openassist.assistant.client;

import io.openassist.common.web.JsonbConfiguration;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * assistant-service's run endpoint, for the services that run an assistant on a caller's behalf
 * (conversation turns): asked with the caller's own {@code Authorization} header, so that
 * assistant-service checks the caller's permission and records the run as the caller's. Registered
 * apart from {@link AssistantServiceClient} (config key {@code assistant-runs}) because a model
 * call may take minutes where an identity lookup takes milliseconds.
 */
@RegisterRestClient(configKey = "assistant-runs")
@RegisterProvider(AssistantRunErrors.class)
@RegisterProvider(JsonbConfiguration.class)
@RegisterClientHeaders(RequestIdPropagation.class)
@Path("/v1")
public interface AssistantRunClient {

  @POST
  @Path("/assistants/{assistant_id}/run")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  RunReply run(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("assistant_id") String assistantId,
      RunCall call);
}
