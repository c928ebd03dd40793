package io.openassist.assistant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A tenant of the deployment. Everything else (users, keys, assistants) belongs to exactly one, and
 * no caller ever sees anything of another. {@code externalId} is the identity provider's id for it,
 * as the organisation claim of its users' tokens carries it.
 */
@Entity
@Table(name = "organization")
public class Organization {

  @Id private String id;

  @Column(nullable = false, length = 256)
  private String name;

  @Column(name = "external_id", length = 256)
  private String externalId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Organization() {}

  public Organization(String id, String name, String externalId, Instant now) {
    this.id = id;
    this.name = name;
    this.externalId = externalId;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String externalId() {
    return externalId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
