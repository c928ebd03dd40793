package io.openassist.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/me} on every service: who the credential of this request belongs to, as this
 * service sees it. assistant-service answers from its own records; the other services answer what
 * assistant-service told them, so the same call shows that identity reaches them intact.
 */
@ApplicationScoped
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

  @Inject CallerContext callers;

  @GET
  @Operation(summary = "The caller: user, organisation, role, groups and how it authenticated")
  public CallerResponse me() {
    return CallerResponse.of(callers.caller());
  }
}
