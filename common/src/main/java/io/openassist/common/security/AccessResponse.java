package io.openassist.common.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code GET /v1/assistants/{id}/access}: the caller's own permission on an assistant (VIEW, EDIT
 * or OWNER). assistant-service answers it from its records; the other services ask it before
 * letting the caller at an assistant's conversations or files.
 */
@JsonbPropertyOrder({"object", "assistantId", "permission"})
public record AccessResponse(String object, String assistantId, Permission permission) {

  public static AccessResponse of(String assistantId, Permission permission) {
    return new AccessResponse("assistant.access", assistantId, permission);
  }
}
