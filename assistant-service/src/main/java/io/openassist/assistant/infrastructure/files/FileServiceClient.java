package io.openassist.assistant.infrastructure.files;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * file-service's search, asked with the caller's own {@code Authorization} (so it answers as for
 * the caller) and the request's id. URL and timeouts: MicroProfile Config key {@code file-service}
 * ({@code OPENASSIST_SERVICES_FILE_URL}).
 */
@RegisterRestClient(configKey = "file-service")
@Path("/v1/assistants/{assistant_id}/files")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FileServiceClient {

  @POST
  @Path("/search")
  JsonObject search(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam("X-Request-Id") String requestId,
      @PathParam("assistant_id") String assistantId,
      JsonObject body);
}
