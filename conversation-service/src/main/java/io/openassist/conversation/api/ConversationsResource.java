package io.openassist.conversation.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.PageQuery;
import io.openassist.common.web.QueryParams;
import io.openassist.common.web.RequestBodies;
import io.openassist.common.web.json.Metadata;
import io.openassist.conversation.application.AuditService;
import io.openassist.conversation.application.ConversationService;
import io.openassist.conversation.application.MessageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/conversations}: start, list, read, change (title, metadata, active branch), delete
 * (softly) and, for admins, list and restore deleted conversations.
 */
@ApplicationScoped
@Path("v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
public class ConversationsResource {

  /** Exports are JSON Lines whatever the client accepts (application/json clients get them too). */
  static final String JSON_LINES = "application/jsonl";

  @Inject ConversationService conversations;
  @Inject Validator validator;
  @Inject AuditService audit;
  @Inject MessageService messages;

  @POST
  @Operation(summary = "Start a conversation with an assistant the caller may VIEW")
  public Response create(ConversationRequest request) {
    ConversationRequest body = RequestBodies.valid(validator, request);
    checkMetadata(body.metadata());
    return Response.status(Response.Status.CREATED)
        .entity(
            ConversationResponse.from(
                conversations.start(body.assistantId(), body.title(), body.metadata())))
        .build();
  }

  @GET
  @Operation(
      summary =
          "List conversations: a member's own, every one of the organisation for admins;"
              + " deleted=true (admins) lists deleted ones")
  public ListResponse<ConversationResponse> list(
      @BeanParam PageQuery page,
      @QueryParam("assistant_id") String assistantId,
      @QueryParam("created_from") String from,
      @QueryParam("created_to") String to,
      @QueryParam("deleted") String deleted) {
    if (deleted != null && !deleted.equals("true") && !deleted.equals("false")) {
      throw new InvalidRequestException(
          List.of(new FieldError("deleted", "must be true or false")));
    }
    return ListResponse.of(
        conversations
            .list(
                assistantId,
                QueryParams.unixSeconds("created_from", from),
                QueryParams.unixSeconds("created_to", to),
                "true".equals(deleted),
                page.toPageRequest())
            .map(ConversationResponse::from),
        ConversationResponse::id);
  }

  @GET
  @Path("search")
  @Operation(
      summary =
          "Full-text search over the messages of the conversations the caller may read, best"
              + " first, with snippets (matches in <mark>, text HTML-escaped); after: the"
              + " message_id of the last hit of the page before")
  public ListResponse<SearchHitResponse> search(
      @QueryParam("q") String query,
      @QueryParam("limit") String limit,
      @QueryParam("after") String after) {
    int max = AuditService.MAX_HITS;
    int count = 20;
    if (limit != null) {
      try {
        count = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > max) {
        throw new InvalidRequestException(
            List.of(new FieldError("limit", "must be a whole number between 1 and " + max)));
      }
    }
    return ListResponse.of(
        audit.search(query, after, count).map(SearchHitResponse::from),
        SearchHitResponse::messageId);
  }

  @GET
  @Path("export")
  @Produces({JSON_LINES, MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "Every conversation of the organisation created in [created_from, created_to), with"
              + " all messages, as JSON Lines (admins)")
  public Response exportAll(
      @QueryParam("created_from") String from, @QueryParam("created_to") String to) {
    var start = QueryParams.unixSeconds("created_from", from);
    var end = QueryParams.unixSeconds("created_to", to);
    StreamingOutput lines = out -> audit.exportAll(start, end, ExportLines.to(out));
    return Response.ok(lines, JSON_LINES).build();
  }

  @GET
  @Path("{conversation_id}/export")
  @Produces({JSON_LINES, MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "The whole tree of a conversation (every branch, model, usage, author, hash) as JSON"
              + " Lines: the conversation first, then each message in creation order")
  public Response export(@PathParam("conversation_id") String id) {
    conversations.get(id);
    StreamingOutput lines = out -> audit.export(id, ExportLines.to(out));
    return Response.ok(lines, JSON_LINES).build();
  }

  @POST
  @Path("{conversation_id}/messages:import")
  @Operation(
      summary =
          "Import a whole tree of messages in one request (parents by client-side ids), without"
              + " runs, for migrating history")
  public Response importTree(@PathParam("conversation_id") String id, ImportRequest request) {
    ImportRequest body = RequestBodies.valid(validator, request);
    MessageService.ImportedTree imported = messages.importTree(id, body.toTree(), body.activeId());
    return Response.status(Response.Status.CREATED)
        .entity(
            new ImportResponse(
                "conversation.import",
                id,
                imported.ids().size(),
                imported.ids(),
                imported.activeMessageId()))
        .build();
  }

  @GET
  @Path("{conversation_id}/verify")
  @Operation(summary = "Check the hash chain of a conversation; names the first broken message")
  public VerificationResponse verify(@PathParam("conversation_id") String id) {
    return VerificationResponse.of(id, audit.verify(id));
  }

  @GET
  @Path("{conversation_id}")
  @Operation(summary = "Retrieve a conversation")
  public ConversationResponse get(@PathParam("conversation_id") String id) {
    return ConversationResponse.from(conversations.get(id));
  }

  @PATCH
  @Path("{conversation_id}")
  @Operation(summary = "Change the title, the metadata or the active branch of a conversation")
  public ConversationResponse modify(
      @PathParam("conversation_id") String id, ConversationPatchRequest request) {
    ConversationPatchRequest body = RequestBodies.valid(validator, request);
    checkMetadata(body.metadata());
    return ConversationResponse.from(
        conversations.modify(
            id,
            new ConversationService.Changes(
                body.title(), body.title() != null, body.metadata(), body.activeMessageId())));
  }

  @DELETE
  @Path("{conversation_id}")
  @Operation(summary = "Delete a conversation (kept, hidden, for the retention period)")
  public ConversationResponse delete(@PathParam("conversation_id") String id) {
    return ConversationResponse.from(conversations.delete(id));
  }

  @POST
  @Path("{conversation_id}/restore")
  @Operation(summary = "Restore a deleted conversation (admins)")
  public ConversationResponse restore(@PathParam("conversation_id") String id) {
    return ConversationResponse.from(conversations.restore(id));
  }

  private static void checkMetadata(jakarta.json.JsonObject metadata) {
    var errors = Metadata.errors(metadata);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
