package io.openassist.conversation.domain;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A message of a conversation, as stored: written once, complete (or failed), never changed. Its
 * place in the tree is its parent, its depth (0 for a root), its segment (see {@code
 * 003-conversations.xml}) and its index among its parent's children; {@code hash} chains it to its
 * parent ({@link MessageHash}); {@code seq} orders all messages by creation.
 */
public record Message(
    long seq,
    String id,
    String conversationId,
    String parentId,
    String segmentId,
    int depth,
    int siblingIndex,
    MessageRole role,
    List<MessagePart> parts,
    String modelId,
    MessageStatus status,
    JsonObject error,
    JsonObject usage,
    Instant createdAt,
    String createdBy,
    String hash) {

  public static final String ID_PREFIX = "msg";

  public Message {
    // Stored parts are immutable already, and copying them would parse them.
    parts = parts instanceof StoredParts ? parts : List.copyOf(parts);
  }

  public String plainText() {
    return MessagePart.plainText(parts);
  }

  /** A message as read, with what a client needs to draw "&lt; 2 / 3 &gt;" around it. */
  public record Placed(Message message, int siblingCount, int childrenCount) {}
}
