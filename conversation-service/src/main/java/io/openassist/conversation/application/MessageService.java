package io.openassist.conversation.application;

import io.openassist.assistant.client.AssistantModels;
import io.openassist.assistant.client.RunFailedException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.security.CallerContext;
import io.openassist.common.text.StorableText;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageDraft;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import io.openassist.conversation.domain.TurnReply;
import io.openassist.conversation.infrastructure.AssistantTurnRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The use cases of messages: a turn (store the user's message, run the branch that ends at it on
 * assistant-service, store the reply as its child), regenerating a reply, appending without a run,
 * and reading the tree — a branch, every message, the children of one, one message.
 */
@ApplicationScoped
public class MessageService {

  @Inject CallerContext callers;
  @Inject MessageWriter writer;
  @Inject MessageReader reader;
  @Inject AssistantTurnRunner runner;
  @Inject AssistantModels models;

  /** A message to add: under which parent (null: the active branch), who says what. */
  public record NewMessage(
      String parentId, MessageRole role, List<MessagePart> parts, String modelId) {}

  /** What a post stored: the caller's message and, for a turn, the reply. */
  public record Posted(Message.Placed message, Message.Placed reply) {}

  /**
   * A turn: the user's (or tool's) message is committed first; then the branch ending at it is run;
   * the reply, or the failure, is stored as its child. A failed run is a {@link
   * TurnFailedException} naming both stored messages.
   */
  public Posted turn(String conversationId, NewMessage message) {
    MessageWriter.TurnStart start = beginTurn(conversationId, message);
    Message.Placed reply =
        runAndStore(conversationId, start.context(), start.stored().message(), message.modelId());
    return withReply(start.stored(), reply);
  }

  /** Both messages of a turn as they are once the reply is stored (the reply is a child now). */
  private static Posted withReply(Message.Placed stored, Message.Placed reply) {
    return new Posted(
        new Message.Placed(stored.message(), stored.siblingCount(), reply.siblingCount()), reply);
  }

  /** Appends a message of any role without running the assistant (history from elsewhere). */
  public Posted append(String conversationId, NewMessage message) {
    String by = callers.caller().userId();
    return new Posted(
        writer.append(
            conversationId,
            message.parentId(),
            parent ->
                MessageDraft.completed(
                    parent, message.role(), message.parts(), message.modelId(), by)),
        null);
  }

  /**
   * A new reply as a sibling of an assistant message (the same parent), which becomes the active
   * branch; it also retries a failed turn.
   */
  public Posted regenerate(String conversationId, String messageId, String modelId) {
    MessageReader.Regeneration regeneration =
        reader.regeneration(conversationId, messageId, runner.contextMessages());
    checkModel(regeneration.context().assistantId(), modelId);
    Message parent = regeneration.parent();
    String model = modelId != null ? modelId : parent.modelId();
    return new Posted(runAndStore(conversationId, regeneration.context(), parent, model), null);
  }

  /** Stores the failed reply of a turn whose run did not complete, and says so. */
  private TurnFailedException failedTurn(
      String conversationId, Message last, String modelId, RunFailedException e, String by) {
    int status = e.status() == 0 ? 502 : e.status();
    JsonObject error =
        Jsonp.objectBuilder()
            .add("code", StorableText.clean(e.code()))
            .add("message", StorableText.clean(e.getMessage()))
            .add("status", status)
            .build();
    Message.Placed failed =
        writer.appendReply(
            conversationId,
            last.id(),
            parent ->
                new MessageDraft(
                    parent,
                    MessageRole.ASSISTANT,
                    List.of(),
                    modelId,
                    MessageStatus.FAILED,
                    error,
                    null,
                    by));
    return new TurnFailedException(
        status,
        e.code(),
        e.getMessage(),
        e.retryAfter().orElse(null),
        last.role() == MessageRole.ASSISTANT ? null : last.id(),
        failed.message().id());
  }

  /** A model the assistant does not offer is refused before anything is stored. */
  private void checkModel(String assistantId, String modelId) {
    if (modelId != null && !models.allows(assistantId, modelId)) {
      throw new InvalidRequestException(
          "model_not_available",
          "Model '" + modelId + "' is not one of this assistant's available_models",
          List.of(new FieldError("model_id", "is not one of the assistant's available_models")));
    }
  }

  private Message.Placed runAndStore(
      String conversationId, MessageReader.RunContext context, Message last, String modelId) {
    String by = callers.caller().userId();
    try {
      TurnReply reply =
          runner.run(
              callers.credential(),
              context.assistantId(),
              conversationId,
              context.branch(),
              modelId);
      return storeReply(conversationId, last, reply, by);
    } catch (RunFailedException e) {
      throw failedTurn(conversationId, last, modelId, e, by);
    }
  }

  /** Stores a completed run's reply as the child of {@code last}. */
  private Message.Placed storeReply(
      String conversationId, Message last, TurnReply reply, String by) {
    return writer.appendReply(
        conversationId,
        last.id(),
        parent ->
            new MessageDraft(
                parent,
                MessageRole.ASSISTANT,
                reply.parts(),
                reply.model(),
                MessageStatus.COMPLETED,
                null,
                reply.usage(),
                by));
  }

  /** What an import wrote: each client id's message, and where the active branch now ends. */
  public record ImportedTree(java.util.Map<String, String> ids, String activeMessageId) {}

  /** Imports a whole tree without runs, in one transaction: all of it or, on any error, none. */
  public ImportedTree importTree(
      String conversationId, List<MessageWriter.Imported> tree, String activeClientId) {
    var written =
        writer.importTree(conversationId, tree, activeClientId, callers.caller().userId());
    var ids = new java.util.LinkedHashMap<String, String>();
    written.forEach((clientId, message) -> ids.put(clientId, message.id()));
    String active =
        activeClientId != null
            ? ids.get(activeClientId)
            : ids.get(tree.get(tree.size() - 1).clientId());
    return new ImportedTree(ids, active);
  }

  /** Where a streamed turn goes as it happens. */
  public interface TurnListener {
    /** A piece of the reply ({@code {text}}, {@code {tool_calls}} or {@code {reasoning}}). */
    void delta(JsonObject delta);

    void completed(Posted posted);

    void failed(TurnFailedException failure);
  }

  /** The first half of a streamed turn: checks, and stores the caller's message. */
  public MessageWriter.TurnStart beginTurn(String conversationId, NewMessage message) {
    if (message.role() != MessageRole.USER && message.role() != MessageRole.TOOL) {
      throw new InvalidRequestException(
          List.of(
              new FieldError(
                  "message.role",
                  "must be user or tool for a turn; use \"run\": false for others")));
    }
    if (message.modelId() != null) {
      checkModel(reader.assistantToAddTo(conversationId), message.modelId());
    }
    String by = callers.caller().userId();
    return writer.beginTurn(
        conversationId,
        message.parentId(),
        parent ->
            MessageDraft.completed(parent, message.role(), message.parts(), message.modelId(), by),
        runner.contextMessages());
  }

  /**
   * The second half: streams the run of the branch ending at {@code stored}, passing each piece on,
   * and stores the reply (or the failure) as its child. When the listener cannot take a piece (the
   * caller left), the run is aborted and the turn is recorded as failed.
   */
  public void streamTurn(
      String conversationId, MessageWriter.TurnStart start, String modelId, TurnListener listener) {
    Message.Placed stored = start.stored();
    MessageReader.RunContext context = start.context();
    String by = callers.caller().userId();
    TurnReply reply;
    try {
      reply =
          runner.stream(
              callers.credential(),
              context.assistantId(),
              conversationId,
              context.branch(),
              modelId,
              listener::delta);
    } catch (RunFailedException e) {
      listener.failed(failedTurn(conversationId, stored.message(), modelId, e, by));
      return;
    }
    listener.completed(withReply(stored, storeReply(conversationId, stored.message(), reply, by)));
  }
}
