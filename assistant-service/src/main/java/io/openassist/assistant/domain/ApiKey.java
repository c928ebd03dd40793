package io.openassist.assistant.domain;

import io.openassist.common.security.ApiKeyFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A user's API key, as stored: its hash and the non-secret lookup prefix, never the key itself.
 * Revoked or expired keys authenticate no one, from the next request on.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  /** How stale {@code lastUsedAt} may get before a use writes it again. */
  static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  @Id private String id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  private String userId;

  @Column(nullable = false, length = 256)
  private String name;

  @Column(name = "lookup_prefix", nullable = false, updatable = false, length = 64)
  private String lookupPrefix;

  @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
  private String secretHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  /** Records a newly generated key; the caller shows {@code key} once and forgets it. */
  public ApiKey(
      String id,
      String organizationId,
      String userId,
      String name,
      String key,
      Instant expiresAt,
      Instant now) {
    this.id = id;
    this.organizationId = organizationId;
    this.userId = userId;
    this.name = name;
    this.lookupPrefix = ApiKeyFormat.lookupPrefix(key);
    this.secretHash = ApiKeyFormat.hash(key);
    this.expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** A stored key as read without the persistence context (the authentication hot path). */
  public static ApiKey stored(
      String id,
      String organizationId,
      String userId,
      String lookupPrefix,
      String secretHash,
      Instant lastUsedAt,
      Instant expiresAt,
      Instant revokedAt) {
    ApiKey key = new ApiKey();
    key.id = id;
    key.organizationId = organizationId;
    key.userId = userId;
    key.lookupPrefix = lookupPrefix;
    key.secretHash = secretHash;
    key.lastUsedAt = lastUsedAt;
    key.expiresAt = expiresAt;
    key.revokedAt = revokedAt;
    return key;
  }

  /** Whether this row is the presented key and it may be used now. */
  public boolean authenticates(String presentedKey, Instant now) {
    boolean sameKey = ApiKeyFormat.sameHash(secretHash, ApiKeyFormat.hash(presentedKey));
    return sameKey && isActive(now);
  }

  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /**
   * Notes a use; uses within a minute of the last noted one change nothing. True when this use
   * changed {@code lastUsedAt}, which must then be written.
   */
  public boolean markUsed(Instant now) {
    if (lastUsedAt == null || now.isAfter(lastUsedAt.plus(LAST_USED_RESOLUTION))) {
      lastUsedAt = now.truncatedTo(ChronoUnit.MICROS);
      return true;
    }
    return false;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now.truncatedTo(ChronoUnit.MICROS);
    }
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String userId() {
    return userId;
  }

  public String name() {
    return name;
  }

  public String lookupPrefix() {
    return lookupPrefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
