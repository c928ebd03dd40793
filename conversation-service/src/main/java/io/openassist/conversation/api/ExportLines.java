package io.openassist.conversation.api;

import io.openassist.common.web.JsonbConfiguration;
import io.openassist.conversation.application.AuditService.ExportItem;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageHash;
import io.openassist.conversation.domain.MessagePart;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes an export as JSON Lines, one object per line as they are read: each conversation as its
 * API object, each message with everything its hash covers — {@code created_at} here is the exact
 * ISO-8601 time of the canonical form, so that anyone can recompute the chain from the export.
 */
final class ExportLines {

  private ExportLines() {}

  /** A message as exported. */
  @JsonbPropertyOrder({
    "object",
    "id",
    "conversationId",
    "parentMessageId",
    "siblingIndex",
    "role",
    "parts",
    "modelId",
    "status",
    "error",
    "usage",
    "createdAt",
    "createdBy",
    "hash"
  })
  public record MessageLine(
      String object,
      String id,
      String conversationId,
      String parentMessageId,
      int siblingIndex,
      String role,
      JsonArray parts,
      String modelId,
      String status,
      JsonObject error,
      JsonObject usage,
      String createdAt,
      String createdBy,
      String hash) {

    static MessageLine of(Message m) {
      return new MessageLine(
          "conversation.message",
          m.id(),
          m.conversationId(),
          m.parentId(),
          m.siblingIndex(),
          m.role().wire(),
          MessagePart.toJson(m.parts()),
          m.modelId(),
          m.status().wire(),
          m.error(),
          m.usage(),
          MessageHash.time(m.createdAt()),
          m.createdBy(),
          m.hash());
    }
  }

  static Consumer<ExportItem> to(OutputStream out) {
    return item -> {
      Object line =
          item instanceof ExportItem.OfConversation c
              ? ConversationResponse.from(c.conversation())
              : MessageLine.of(((ExportItem.OfMessage) item).message());
      try {
        out.write(JsonbConfiguration.JSONB.toJson(line).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
