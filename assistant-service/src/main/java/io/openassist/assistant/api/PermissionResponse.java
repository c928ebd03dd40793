package io.openassist.assistant.api;

import io.openassist.assistant.domain.AssistantPermission;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Locale;

/** A grant on an assistant on the wire. */
@JsonbPropertyOrder({
  "id",
  "object",
  "assistantId",
  "granteeType",
  "grantee",
  "permission",
  "createdAt",
  "createdBy"
})
public record PermissionResponse(
    String id,
    String object,
    String assistantId,
    String granteeType,
    String grantee,
    String permission,
    long createdAt,
    String createdBy) {

  static PermissionResponse from(AssistantPermission grant) {
    return new PermissionResponse(
        grant.id(),
        "assistant.permission",
        grant.assistantId(),
        grant.granteeType().name().toLowerCase(Locale.ROOT),
        grant.grantee(),
        grant.permission().name(),
        grant.createdAt().getEpochSecond(),
        grant.createdBy());
  }
}
