package io.openassist.assistant.api;

import io.openassist.assistant.application.AssistantPermissionService;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.Page;
import io.openassist.common.web.RequestBodies;
import io.openassist.common.web.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /v1/assistants/{id}/permissions}: who may view, edit or own an assistant (OWNER only). */
@ApplicationScoped
@Path("v1/assistants/{assistant_id}/permissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assistants")
public class AssistantPermissionsResource {

  @Inject AssistantPermissionService permissions;
  @Inject Validator validator;

  @GET
  @Operation(summary = "List the permissions granted on an assistant")
  public ListResponse<PermissionResponse> list(@PathParam("assistant_id") String assistantId) {
    var grants = permissions.list(assistantId).stream().map(PermissionResponse::from).toList();
    return ListResponse.of(new Page<>(grants, false), PermissionResponse::id);
  }

  @POST
  @Operation(summary = "Grant VIEW, EDIT or OWNER to a user or a group (replaces their grant)")
  public PermissionResponse grant(
      @PathParam("assistant_id") String assistantId, GrantPermissionRequest request) {
    RequestBodies.valid(validator, request);
    return PermissionResponse.from(
        permissions.grant(
            assistantId, request.granteeType(), request.grantee(), request.typedPermission()));
  }

  @DELETE
  @Path("{permission_id}")
  @Operation(summary = "Revoke a permission")
  public JsonObject revoke(
      @PathParam("assistant_id") String assistantId,
      @PathParam("permission_id") String permissionId) {
    permissions.revoke(assistantId, permissionId);
    return Jsonp.objectBuilder()
        .add("id", permissionId)
        .add("deleted", true)
        .add("object", "assistant.permission.deleted")
        .build();
  }
}
