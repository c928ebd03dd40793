package io.openassist.conversation.application;

import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageDraft;
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

  Clock clock = Clock.systemUTC();

  /**
   * Appends a message under {@code parentId} (a message of this conversation, else a 404 and
   * nothing written), or, when it is null, at the end of the active branch; the draft is made for
   * the parent so chosen (null: a new root).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Message append(
      String conversationId, String parentId, Function<String, MessageDraft> draft) {
    Conversation conversation = access.writable(conversationId);
    String parent = parentId == null ? conversation.activeMessageId() : parentId;
    if (parentId != null && !messages.exists(conversation.id(), parentId)) {
      throw new ResourceNotFoundException(MESSAGE);
    }
    return messages.append(conversation, draft.apply(parent), clock.instant());
  }
}
