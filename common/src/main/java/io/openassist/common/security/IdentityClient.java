package io.openassist.common.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * assistant-service's identity endpoint, as the other services call it (MicroProfile Rest Client).
 */
@Path("/v1")
public interface IdentityClient {

  /** Who holds the credential in this {@code Authorization} header. */
  @GET
  @Path("/me")
  @Produces(MediaType.APPLICATION_JSON)
  CallerResponse me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
