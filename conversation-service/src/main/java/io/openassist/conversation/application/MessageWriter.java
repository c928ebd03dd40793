package io.openassist.conversation.application;

import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageDraft;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.infrastructure.JdbcMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.function.Function;

/**
 * The writes of a turn, each its own transaction, committed before the turn goes on: the user's
 * message is in PostgreSQL before the run starts, and the reply is written in a second transaction
 * when the run has answered. Each locks the conversation, so that concurrent turns on one
 * conversation take their turns and its tree and active pointer stay consistent.
 */
@ApplicationScoped
public class MessageWriter {

  static final String MESSAGE = "message";

  @Inject ConversationAccess access;
  @Inject JdbcMessageRepository messages;
  @Inject MessageReader reader;

  Clock clock = Clock.systemUTC();

  /**
   * Appends a message under {@code parentId} (a message of this conversation, else a 404 and
   * nothing written), or, when it is null, at the end of the active branch; the draft is made for
   * the parent so chosen (null: a new root).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Message.Placed append(
      String conversationId, String parentId, Function<String, MessageDraft> draft) {
    return appendTo(access.writable(conversationId), parentId, draft);
  }

  /**
   * Appends the reply of a turn the caller began (checked then): as {@link #append}, without asking
   * assistant-service again ({@link ConversationAccess#continuing}).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Message.Placed appendReply(
      String conversationId, String parentId, Function<String, MessageDraft> draft) {
    return appendTo(access.continuing(conversationId), parentId, draft);
  }

  private Message.Placed appendTo(
      Conversation conversation, String parentId, Function<String, MessageDraft> draft) {
    String parent = parentId == null ? conversation.activeMessageId() : parentId;
    return messages.append(conversation, draft.apply(parent), clock.instant());
  }

  /** The caller's message of a turn, stored, and what its run needs. */
  public record TurnStart(Message.Placed stored, MessageReader.RunContext context) {}

  /**
   * Appends the caller's message of a turn as {@link #append} does and, in the same transaction,
   * reads the branch that ends at it as far back as a run takes ({@code completed} completed
   * messages): one commit before the run instead of a write and a separate read.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public TurnStart beginTurn(
      String conversationId, String parentId, Function<String, MessageDraft> draft, int completed) {
    Conversation conversation = access.writable(conversationId);
    Message.Placed stored = appendTo(conversation, parentId, draft);
    return new TurnStart(
        stored,
        new MessageReader.RunContext(
            conversation.assistantId(),
            reader.recentBranch(conversation, stored.message().id(), completed)));
  }

  /**
   * One message of an import: its client-side id, its parent's (null: a root), what it says, and
   * when it was written where it comes from (null: now).
   */
  public record Imported(
      String clientId,
      String parentClientId,
      MessageRole role,
      java.util.List<MessagePart> parts,
      String modelId,
      java.time.Instant createdAt) {}

  /**
   * Writes a whole tree in one transaction, parents before children (the caller has checked the
   * order), and answers each client id's message; the active branch then ends at {@code
   * activeClientId}, or at the last message written.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public java.util.Map<String, Message> importTree(
      String conversationId, java.util.List<Imported> tree, String activeClientId, String by) {
    Conversation conversation = access.writable(conversationId);
    java.time.Instant now = clock.instant();
    java.util.Map<String, Message> written = new java.util.LinkedHashMap<>();
    for (Imported item : tree) {
      String parent =
          item.parentClientId() == null ? null : written.get(item.parentClientId()).id();
      written.put(
          item.clientId(),
          messages
              .append(
                  conversation,
                  MessageDraft.completed(parent, item.role(), item.parts(), item.modelId(), by),
                  item.createdAt() == null ? now : item.createdAt(),
                  now)
              .message());
    }
    if (activeClientId != null) {
      conversation.activate(written.get(activeClientId).id(), by, now);
    }
    return written;
  }
}
