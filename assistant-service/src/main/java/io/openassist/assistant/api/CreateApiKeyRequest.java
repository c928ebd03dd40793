package io.openassist.assistant.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * {@code POST /v1/api_keys}: a named key for the caller, or for {@code user_id} (admins), valid
 * until {@code expires_at} (unix seconds) or until revoked.
 */
public record CreateApiKeyRequest(
    @NotBlank(message = "is required, at most 256 characters")
        @Size(max = 256, message = "is required, at most {max} characters")
        String name,
    Long expiresAt,
    @Size(max = 256, message = "must be at most {max} characters") String userId) {

  Instant expiry() {
    return expiresAt == null ? null : Instant.ofEpochSecond(expiresAt);
  }
}
