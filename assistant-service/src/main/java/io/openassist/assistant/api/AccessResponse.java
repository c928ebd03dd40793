package io.openassist.assistant.api;

import io.openassist.assistant.domain.Permission;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code GET /v1/assistants/{id}/access}: the caller's own permission on an assistant, which the
 * other services ask for before letting the caller at the assistant's conversations or files.
 */
@JsonbPropertyOrder({"object", "assistantId", "permission"})
public record AccessResponse(
    String object, @JsonbProperty("assistant_id") String assistantId, String permission) {

  static AccessResponse of(String assistantId, Permission permission) {
    return new AccessResponse("assistant.access", assistantId, permission.name());
  }
}
