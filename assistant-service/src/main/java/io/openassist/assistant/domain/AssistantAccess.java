package io.openassist.assistant.domain;

import io.openassist.common.security.Caller;
import io.openassist.common.security.Permission;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who may do what with an assistant (the meinGPT model): its organisation's admins and its owner
 * hold OWNER; others hold the strongest permission granted to them or to one of their groups; a
 * caller of another organisation holds nothing, whatever was granted.
 */
public final class AssistantAccess {

  private AssistantAccess() {}

  /**
   * The caller's permission on the assistant, or null when it may not even see it. The grants are
   * read only when they decide (not for admins and the owner, who hold OWNER anyway).
   */
  public static Permission of(
      Assistant assistant, Caller caller, Supplier<List<AssistantPermission>> grants) {
    if (!caller.organizationId().equals(assistant.organizationId())) {
      return null;
    }
    if (caller.admin() || caller.userId().equals(assistant.ownerId())) {
      return Permission.OWNER;
    }
    Permission strongest = null;
    for (AssistantPermission grant : grants.get()) {
      boolean forCaller =
          switch (grant.granteeType()) {
            case USER -> grant.grantee().equals(caller.userId());
            case GROUP -> caller.groups().contains(grant.grantee());
          };
      if (forCaller && grant.assistantId().equals(assistant.id())) {
        strongest = Permission.strongest(strongest, grant.permission());
      }
    }
    return strongest;
  }
}
