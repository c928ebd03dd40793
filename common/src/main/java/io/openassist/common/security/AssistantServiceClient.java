package io.openassist.common.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What the other services ask assistant-service (MicroProfile Rest Client), always with the
 * caller's own {@code Authorization} header, so that assistant-service decides as for the caller.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AssistantServiceClient {

  /** Who holds the credential in this header. */
  @GET
  @Path("/me")
  CallerResponse me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** The permission of the credential's holder on an assistant (404 when it may not see it). */
  @GET
  @Path("/assistants/{assistant_id}/access")
  AccessResponse access(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("assistant_id") String assistantId);
}
