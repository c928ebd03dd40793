package io.openassist.common.security;

import io.openassist.common.error.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/assistants/{id}/access} on every service: the caller's permission on an assistant,
 * as this service sees it (the check it makes before serving the assistant's conversations or
 * files). An assistant the caller may not see is a 404 like a missing one.
 */
@ApplicationScoped
@Path("v1/assistants/{assistant_id}/access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistants")
public class AssistantAccessResource {

  @Inject AssistantAccessChecker access;

  @GET
  @Operation(summary = "The caller's own permission on an assistant (VIEW, EDIT or OWNER)")
  public AccessResponse access(@PathParam("assistant_id") String assistantId) {
    return access
        .permission(assistantId)
        .map(permission -> AccessResponse.of(assistantId, permission))
        .orElseThrow(() -> new ResourceNotFoundException("assistant"));
  }
}
