package io.openassist.assistant.api;

import io.openassist.assistant.application.AssistantService;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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

/**
 * {@code /v1/assistants}: create, list, read, modify ({@code POST} to the object, OpenAI's
 * convention) and delete assistants.
 */
@ApplicationScoped
@Path("v1/assistants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assistants")
public class AssistantsResource {

  @Inject AssistantService assistants;
  @Inject Validator validator;

  @POST
  @Operation(summary = "Create an assistant")
  public AssistantResponse create(AssistantRequest request) {
    return AssistantResponse.from(
        assistants.create(RequestBodies.valid(validator, request).toDefinition()));
  }

  @GET
  @Operation(summary = "List assistants, newest first unless order=asc, with cursor pagination")
  public ListResponse<AssistantResponse> list(@BeanParam PageQuery page) {
    return ListResponse.of(
        assistants.list(page.toPageRequest()).map(AssistantResponse::from), AssistantResponse::id);
  }

  @GET
  @Path("{assistant_id}")
  @Operation(summary = "Retrieve an assistant")
  public AssistantResponse get(@PathParam("assistant_id") String id) {
    return AssistantResponse.from(assistants.get(id));
  }

  @POST
  @Path("{assistant_id}")
  @Operation(summary = "Modify an assistant; members not sent keep their values")
  public AssistantResponse modify(@PathParam("assistant_id") String id, AssistantRequest request) {
    return AssistantResponse.from(
        assistants.modify(id, RequestBodies.valid(validator, request).toDefinition()));
  }

  @DELETE
  @Path("{assistant_id}")
  @Operation(summary = "Delete an assistant")
  public AssistantDeletedResponse delete(@PathParam("assistant_id") String id) {
    assistants.delete(id);
    return AssistantDeletedResponse.of(id);
  }
}
