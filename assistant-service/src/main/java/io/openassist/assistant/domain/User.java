package io.openassist.assistant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A person or system of one organisation. Users created by an admin authenticate with their API
 * keys; users who sign in through the identity provider are created on their first request,
 * identified by the token's subject ({@code externalSubject}).
 */
@Entity
@Table(name = "app_user")
public class User {

  @Id private String id;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Column(length = 256)
  private String name;

  @Column(length = 320)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "external_subject", length = 256)
  private String externalSubject;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected User() {}

  public User(
      String id,
      String organizationId,
      String name,
      String email,
      Role role,
      String externalSubject,
      Instant now) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.email = email;
    this.role = role;
    this.externalSubject = externalSubject;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public Role role() {
    return role;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public String externalSubject() {
    return externalSubject;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
