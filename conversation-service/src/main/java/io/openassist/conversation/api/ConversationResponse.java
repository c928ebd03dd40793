package io.openassist.conversation.api;

import io.openassist.conversation.domain.Conversation;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The conversation object: its assistant, title, metadata, the message that ends its active branch,
 * how many messages it holds, who started it, and its times (unix seconds); {@code deleted_at} is
 * set only on deleted conversations (which only admins list).
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "assistantId",
  "title",
  "metadata",
  "activeMessageId",
  "messageCount",
  "createdBy",
  "createdAt",
  "updatedAt",
  "deletedAt"
})
public record ConversationResponse(
    String id,
    String object,
    String assistantId,
    String title,
    JsonObject metadata,
    String activeMessageId,
    int messageCount,
    String createdBy,
    long createdAt,
    long updatedAt,
    Long deletedAt) {

  static ConversationResponse from(Conversation c) {
    return new ConversationResponse(
        c.id(),
        "conversation",
        c.assistantId(),
        c.title(),
        c.metadata(),
        c.activeMessageId(),
        c.messageCount(),
        c.createdBy(),
        c.createdAt().getEpochSecond(),
        c.updatedAt().getEpochSecond(),
        c.deletedAt() == null ? null : c.deletedAt().getEpochSecond());
  }
}
