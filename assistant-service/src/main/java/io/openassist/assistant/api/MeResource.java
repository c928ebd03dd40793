package io.openassist.assistant.api;

import io.openassist.assistant.application.IdentityService;
import io.openassist.common.security.CallerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/me}: who the credential of this request belongs to. */
@Path("v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class MeResource {

  @Inject IdentityService identities;

  @GET
  @Operation(summary = "The caller: user, organisation, role, groups and how it authenticated")
  public CallerResponse me() {
    return CallerResponse.of(identities.me());
  }
}
