package io.openassist.assistant.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/api_keys}: a named key for the caller, or for {@code user_id} (admins), valid
 * until {@code expires_at} (unix seconds) or until revoked.
 */
public record CreateApiKeyRequest(
    String name,
    @JsonbProperty("expires_at") Long expiresAt,
    @JsonbProperty("user_id") String userId) {

  String checkedName() {
    if (name == null || name.isBlank() || name.length() > 256) {
      throw new InvalidRequestException(
          List.of(new FieldError("name", "is required, at most 256 characters")));
    }
    return name;
  }

  Instant expiry() {
    return expiresAt == null ? null : Instant.ofEpochSecond(expiresAt);
  }
}
