package io.openassist.conversation.application;

import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.infrastructure.JdbcMessageRepository;
import io.openassist.conversation.infrastructure.JpaConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes exports: one conversation then its messages in creation order (in the caller's
 * transaction), or one batch of an organisation's export in a transaction of its own.
 */
@ApplicationScoped
public class ExportBatches {

  static final int SIZE = 100;

  @Inject JpaConversationRepository conversations;
  @Inject JdbcMessageRepository messages;

  /** Writes the conversations after {@code last}; answers the last written, null at the end. */
  @Transactional
  public Conversation next(
      String organizationId,
      Instant from,
      Instant to,
      Conversation last,
      Consumer<AuditService.ExportItem> out) {
    List<Conversation> batch =
        conversations.createdBetween(
            organizationId,
            from,
            to,
            last == null ? null : last.createdAt(),
            last == null ? null : last.id(),
            SIZE);
    batch.forEach(c -> write(c, out));
    return batch.size() < SIZE ? null : batch.get(batch.size() - 1);
  }

  /** The conversation, then each of its messages in creation order. */
  public void write(Conversation conversation, Consumer<AuditService.ExportItem> out) {
    out.accept(new AuditService.ExportItem.OfConversation(conversation));
    messages.forEach(conversation.id(), m -> out.accept(new AuditService.ExportItem.OfMessage(m)));
  }
}
