package io.openassist.assistant.application;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantPermission;
import io.openassist.assistant.domain.AssistantPermission.GranteeType;
import io.openassist.assistant.infrastructure.JpaAssistantRepository;
import io.openassist.assistant.infrastructure.JpaIdentityRepository;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Who may do what with an assistant: its OWNERs (and the organisation's admins) list, grant and
 * revoke VIEW, EDIT and OWNER for users of the organisation and for identity-provider groups.
 */
@ApplicationScoped
@Transactional
public class AssistantPermissionService {

  static final String ID_PREFIX = "perm";

  @Inject JpaAssistantRepository assistants;
  @Inject JpaIdentityRepository identities;
  @Inject AssistantAuthorization authorization;
  @Inject CallerContext callers;

  private final Clock clock = Clock.systemUTC();

  public List<AssistantPermission> list(String assistantId) {
    Assistant assistant = authorization.require(assistantId, Permission.OWNER);
    return assistants.grantsOn(assistant.id());
  }

  /**
   * Grants (or changes) a permission. A user grantee must be a user of the caller's organisation;
   * any other id is answered as a missing user.
   */
  public AssistantPermission grant(
      String assistantId, GranteeType type, String grantee, Permission permission) {
    Assistant assistant = authorization.require(assistantId, Permission.OWNER);
    if (type == GranteeType.USER
        && identities.user(assistant.organizationId(), grantee).isEmpty()) {
      throw new ResourceNotFoundException("user");
    }
    for (AssistantPermission existing : assistants.grantsOn(assistant.id())) {
      if (existing.granteeType() == type && existing.grantee().equals(grantee)) {
        existing.change(permission);
        return existing;
      }
    }
    AssistantPermission grant =
        new AssistantPermission(
            IdGenerator.newId(ID_PREFIX),
            assistant,
            type,
            grantee,
            permission,
            callers.caller().userId(),
            clock.instant());
    assistants.addGrant(grant);
    return grant;
  }

  public AssistantPermission revoke(String assistantId, String permissionId) {
    Assistant assistant = authorization.require(assistantId, Permission.OWNER);
    AssistantPermission grant =
        assistants.grantsOn(assistant.id()).stream()
            .filter(g -> g.id().equals(permissionId))
            .findFirst()
            .orElseThrow(() -> new ResourceNotFoundException("permission"));
    assistants.removeGrant(grant);
    return grant;
  }
}
