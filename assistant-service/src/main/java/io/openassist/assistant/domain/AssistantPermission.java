package io.openassist.assistant.domain;

import io.openassist.common.security.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A grant of a permission on one assistant to a user of its organisation or to a group of the
 * identity provider. One grant per grantee and assistant; granting again changes its level.
 */
@Entity
@Table(name = "assistant_permission")
public class AssistantPermission {

  /** Who a grant is for. */
  public enum GranteeType {
    USER,
    GROUP
  }

  @Id private String id;

  @Column(name = "assistant_id", nullable = false, updatable = false)
  private String assistantId;

  @Column(name = "organization_id", nullable = false, updatable = false)
  private String organizationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "grantee_type", nullable = false, updatable = false, length = 8)
  private GranteeType granteeType;

  @Column(nullable = false, updatable = false, length = 256)
  private String grantee;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private Permission permission;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  protected AssistantPermission() {}

  public AssistantPermission(
      String id,
      Assistant assistant,
      GranteeType granteeType,
      String grantee,
      Permission permission,
      String createdBy,
      Instant now) {
    this.id = id;
    this.assistantId = assistant.id();
    this.organizationId = assistant.organizationId();
    this.granteeType = granteeType;
    this.grantee = grantee;
    this.permission = permission;
    this.createdBy = createdBy;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public void change(Permission newPermission) {
    this.permission = newPermission;
  }

  public String id() {
    return id;
  }

  public String assistantId() {
    return assistantId;
  }

  public String organizationId() {
    return organizationId;
  }

  public GranteeType granteeType() {
    return granteeType;
  }

  public String grantee() {
    return grantee;
  }

  public Permission permission() {
    return permission;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }
}
