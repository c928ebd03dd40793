package io.openassist.assistant.api;

import io.openassist.assistant.application.UserService;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/users}: the users of the caller's organisation. Everyone may look them up (to grant
 * them permissions); only admins may create them.
 */
@ApplicationScoped
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class UsersResource {

  @Inject UserService users;
  @Inject Validator validator;

  @POST
  @Operation(summary = "Create a user of the organisation (admins)")
  public UserResponse create(CreateUserRequest request) {
    RequestBodies.valid(validator, request);
    return UserResponse.from(users.create(request.name(), request.email(), request.checkedRole()));
  }

  @GET
  @Operation(summary = "List the users of the organisation, with cursor pagination")
  public ListResponse<UserResponse> list(@BeanParam PageQuery page) {
    return ListResponse.of(
        users.list(page.toPageRequest()).map(UserResponse::from), UserResponse::id);
  }

  @GET
  @Path("{user_id}")
  @Operation(summary = "Retrieve a user of the organisation")
  public UserResponse get(@PathParam("user_id") String id) {
    return UserResponse.from(users.get(id));
  }
}
