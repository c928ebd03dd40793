package io.openassist.assistant.api;

import io.openassist.assistant.application.ApiKeyService;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.Page;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/api_keys}: a user's API keys (several at once, for rotation). The key itself is in the
 * answer to its creation and nowhere else, ever. Admins manage the keys of every user of the
 * organisation.
 */
@ApplicationScoped
@Path("v1/api_keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class ApiKeysResource {

  @Inject ApiKeyService keys;
  @Inject Validator validator;

  @POST
  @Operation(summary = "Create an API key; the answer holds the key, shown this once")
  public ApiKeyResponse create(CreateApiKeyRequest request) {
    RequestBodies.valid(validator, request);
    return ApiKeyResponse.issued(keys.create(request.name(), request.expiry(), request.userId()));
  }

  @GET
  @Operation(summary = "List API keys: the caller's, or (admins) a user's or the organisation's")
  public ListResponse<ApiKeyResponse> list(@QueryParam("user_id") String userId) {
    var listed = keys.list(userId).stream().map(ApiKeyResponse::from).toList();
    return ListResponse.of(new Page<>(listed, false), ApiKeyResponse::id);
  }

  @GET
  @Path("{api_key_id}")
  @Operation(summary = "Retrieve an API key (never the key itself)")
  public ApiKeyResponse get(@PathParam("api_key_id") String id) {
    return ApiKeyResponse.from(keys.get(id));
  }

  @DELETE
  @Path("{api_key_id}")
  @Operation(summary = "Revoke an API key; it stops working with the next request")
  public ApiKeyResponse revoke(@PathParam("api_key_id") String id) {
    return ApiKeyResponse.from(keys.revoke(id));
  }
}
