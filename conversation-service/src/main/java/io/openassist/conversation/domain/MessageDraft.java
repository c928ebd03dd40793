package io.openassist.conversation.domain;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A message about to be written: where it goes (its parent, or null for a new root) and what it
 * says. The store gives it its id, place in the tree, creation time and hash.
 */
public record MessageDraft(
    String parentId,
    MessageRole role,
    List<MessagePart> parts,
    String modelId,
    MessageStatus status,
    JsonObject error,
    JsonObject usage,
    String createdBy) {

  public MessageDraft {
    parts = List.copyOf(parts);
  }

  public static MessageDraft completed(
      String parentId, MessageRole role, List<MessagePart> parts, String modelId, String by) {
    return new MessageDraft(
        parentId, role, parts, modelId, MessageStatus.COMPLETED, null, null, by);
  }
}
