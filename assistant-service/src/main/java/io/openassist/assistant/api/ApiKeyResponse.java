package io.openassist.assistant.api;

import io.openassist.assistant.application.ApiKeyService.IssuedKey;
import io.openassist.assistant.domain.ApiKey;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An API key on the wire; unset times are present as null. {@code key} (the secret) is present only
 * in the answer to its creation; afterwards a key is known by its id and the non-secret {@code
 * prefix}.
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
    String userId,
    String organizationId,
    long createdAt,
    Long lastUsedAt,
    Long expiresAt,
    Long revokedAt,
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
