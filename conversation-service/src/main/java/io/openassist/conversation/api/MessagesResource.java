package io.openassist.conversation.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.paging.SortOrder;
import io.openassist.common.web.RequestBodies;
import io.openassist.conversation.application.MessageReader;
import io.openassist.conversation.application.MessageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/conversations/{id}/messages}: add a message (a turn through the assistant, or an
 * append without a run), regenerate a reply, and read the tree: the active branch (or the one
 * ending at {@code leaf}) root to leaf, every message ({@code view=tree}), one message, the
 * children of one.
 */
@ApplicationScoped
@Path("v1/conversations/{conversation_id}/messages")
@Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessagesResource {

  /** A branch is what a chat client draws: read whole (up to 10,000 messages) in one request. */
  static final int BRANCH_DEFAULT_LIMIT = 100;

  static final int BRANCH_MAX_LIMIT = 10_000;

  @Inject MessageService messages;
  @Inject Validator validator;
  @Inject MessageReader reader;
  @Inject io.openassist.common.error.ProblemResponses problems;
  @Inject io.openassist.common.lifecycle.Shutdown shutdown;

  /** The optional body of a regeneration: another model for the new reply. */
  public record RegenerateRequest(
      @Size(min = 1, max = 256, message = "must be 1 to {max} characters") String modelId) {}

  @POST
  @Operation(
      summary =
          "Add a message: a turn (the reply is run and stored as its child) or, with run=false,"
              + " an append of any role")
  public Response post(
      @PathParam("conversation_id") String conversationId, MessageRequest request) {
    MessageRequest body = RequestBodies.valid(validator, request);
    MessageService.NewMessage message = body.toNewMessage();
    if (body.runs() && body.streamed()) {
      var stored = messages.beginTurn(conversationId, message);
      return Response.ok(
              new TurnEventStream(
                  messages,
                  conversationId,
                  stored,
                  message.modelId(),
                  problems.requestId(),
                  shutdown),
              MediaType.SERVER_SENT_EVENTS_TYPE)
          .header("Cache-Control", "no-cache")
          .header("X-Accel-Buffering", "no")
          .build();
    }
    PostedResponse posted =
        body.runs()
            ? PostedResponse.turn(messages.turn(conversationId, message))
            : PostedResponse.appended(messages.append(conversationId, message));
    return Response.status(Response.Status.CREATED).entity(posted).build();
  }

  @POST
  @Path("{message_id}/regenerate")
  @Operation(summary = "A new reply as a sibling of an assistant message; retries a failed turn")
  public Response regenerate(
      @PathParam("conversation_id") String conversationId,
      @PathParam("message_id") String messageId,
      RegenerateRequest request) {
    String model = request == null ? null : RequestBodies.valid(validator, request).modelId();
    return Response.status(Response.Status.CREATED)
        .entity(PostedResponse.regenerated(messages.regenerate(conversationId, messageId, model)))
        .build();
  }

  @GET
  @Operation(
      summary =
          "The active branch root to leaf (or the one ending at leaf); view=tree: every message"
              + " in creation order")
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponseSchema(value = MessageList.class, responseDescription = "A page of messages")
  public Response list(
      @PathParam("conversation_id") String conversationId,
      @BeanParam PageQuery page,
      @QueryParam("order") String order,
      @QueryParam("leaf") String leaf,
      @QueryParam("view") String view) {
    boolean tree = "tree".equals(view);
    PageRequest request =
        ascendingByDefault(
            tree
                ? page.toPageRequest()
                : page.toPageRequest(BRANCH_DEFAULT_LIMIT, BRANCH_MAX_LIMIT),
            order);
    if (view != null && !view.equals("branch") && !view.equals("tree")) {
      throw new InvalidRequestException(List.of(new FieldError("view", "must be branch or tree")));
    }
    if (tree) {
      if (leaf != null) {
        throw new InvalidRequestException(
            List.of(new FieldError("leaf", "is for branches; leave it out with view=tree")));
      }
      return list(reader.tree(conversationId, request));
    }
    RenderedMessagePage rendered = new RenderedMessagePage();
    boolean hasMore = reader.branch(conversationId, leaf, request, rendered::add);
    return Response.ok(rendered.finish(hasMore), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * The answer's shape for the OpenAPI document, which cannot see it through {@link Response}: the
   * list response every list endpoint gives, of message objects.
   */
  @Schema(name = "MessageList")
  record MessageList(
      String object, List<MessageResponse> data, String firstId, String lastId, boolean hasMore) {}

  @GET
  @Path("{message_id}")
  @Operation(summary = "Retrieve a message")
  public MessageResponse get(
      @PathParam("conversation_id") String conversationId,
      @PathParam("message_id") String messageId) {
    return MessageResponse.from(reader.readable(conversationId, messageId));
  }

  @GET
  @Path("{message_id}/children")
  @Operation(summary = "The children of a message, in the order they were added")
  @Produces(MediaType.APPLICATION_JSON)
  @APIResponseSchema(value = MessageList.class, responseDescription = "A page of messages")
  public Response children(
      @PathParam("conversation_id") String conversationId,
      @PathParam("message_id") String messageId,
      @BeanParam PageQuery page,
      @QueryParam("order") String order) {
    return list(
        reader.children(
            conversationId, messageId, ascendingByDefault(page.toPageRequest(), order)));
  }

  private static Response list(
      io.openassist.common.paging.Page<io.openassist.conversation.domain.Message.Placed> page) {
    RenderedMessagePage rendered = new RenderedMessagePage();
    page.items().forEach(rendered::add);
    return Response.ok(rendered.finish(page.hasMore()), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Messages read in conversation order unless the caller asks otherwise. */
  private static PageRequest ascendingByDefault(PageRequest request, String order) {
    return order == null
        ? new PageRequest(request.limit(), SortOrder.ASC, request.after(), request.before())
        : request;
  }
}
