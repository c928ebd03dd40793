package io.openassist.conversation.api;

import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessagePart;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The message object, {@code conversation.message}: where it is in the tree (its parent, and the
 * navigation a client needs to draw "&lt; 2 / 3 &gt;" without another call: its index among its
 * siblings, their count, its children's count), who says what ({@code role}, typed {@code parts}),
 * the model and usage of a reply, {@code status} and {@code error} of a failed one, who wrote it
 * and when, and its {@code hash} in the conversation's chain.
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "conversationId",
  "parentMessageId",
  "role",
  "parts",
  "modelId",
  "status",
  "error",
  "usage",
  "siblingIndex",
  "siblingCount",
  "childrenCount",
  "createdAt",
  "createdBy",
  "hash"
})
public record MessageResponse(
    String id,
    String object,
    String conversationId,
    String parentMessageId,
    String role,
    JsonArray parts,
    String modelId,
    String status,
    JsonObject error,
    JsonObject usage,
    int siblingIndex,
    int siblingCount,
    int childrenCount,
    long createdAt,
    String createdBy,
    String hash) {

  static MessageResponse from(Message.Placed placed) {
    Message m = placed.message();
    return new MessageResponse(
        m.id(),
        "conversation.message",
        m.conversationId(),
        m.parentId(),
        m.role().wire(),
        MessagePart.toJson(m.parts()),
        m.modelId(),
        m.status().wire(),
        m.error(),
        m.usage(),
        m.siblingIndex(),
        placed.siblingCount(),
        placed.childrenCount(),
        m.createdAt().getEpochSecond(),
        m.createdBy(),
        m.hash());
  }
}
