package io.openassist.assistant.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a delete: {@code {id, deleted: true, object: "assistant.deleted"}}. */
@JsonbPropertyOrder({"id", "deleted", "object"})
public record AssistantDeletedResponse(String id, boolean deleted, String object) {

  static AssistantDeletedResponse of(String id) {
    return new AssistantDeletedResponse(id, true, "assistant.deleted");
  }
}
