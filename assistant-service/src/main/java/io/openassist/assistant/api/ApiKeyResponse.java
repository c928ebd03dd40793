package io.openassist.assistant.api;

import io.openassist.assistant.application.IdentityService.IssuedKey;
import io.openassist.assistant.domain.ApiKey;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An API key on the wire (JSON-B drops null members that carry {@code @JsonbProperty} unless they
 * are also {@code @JsonbNillable}). {@code key} (the secret) is present only in the answer to its
 * creation; afterwards a key is known by its id and the non-secret {@code prefix}.
 */
@JsonbPropertyOrder({
  "id",
  "object",
  "name",
  "prefix",
  "userId",
  "organizationId",
  "createdAt",
  "lastUsedAt",
  "expiresAt",
  "revokedAt",
  "key"
})
public record ApiKeyResponse(
    String id,
    String object,
    String name,
    String prefix,
    @JsonbProperty("user_id") String userId,
    @JsonbProperty("organization_id") String organizationId,
    @JsonbProperty("created_at") long createdAt,
    @JsonbNillable @JsonbProperty("last_used_at") Long lastUsedAt,
    @JsonbNillable @JsonbProperty("expires_at") Long expiresAt,
    @JsonbNillable @JsonbProperty("revoked_at") Long revokedAt,
    @JsonbNillable(false) String key) {

  static ApiKeyResponse from(ApiKey key) {
    return of(key, null);
  }

  static ApiKeyResponse issued(IssuedKey issued) {
    return of(issued.row(), issued.key());
  }

  private static ApiKeyResponse of(ApiKey key, String secret) {
    return new ApiKeyResponse(
        key.id(),
        "api_key",
        key.name(),
        key.lookupPrefix(),
        key.userId(),
        key.organizationId(),
        key.createdAt().getEpochSecond(),
        Timestamps.seconds(key.lastUsedAt()),
        Timestamps.seconds(key.expiresAt()),
        Timestamps.seconds(key.revokedAt()),
        secret);
  }
}
