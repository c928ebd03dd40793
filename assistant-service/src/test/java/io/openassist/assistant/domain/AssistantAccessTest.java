package io.openassist.assistant.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.assistant.domain.AssistantPermission.GranteeType;
import io.openassist.common.security.Caller;
import io.openassist.common.security.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AssistantAccessTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final Assistant assistant =
      Assistant.create(
          "asst_000000000000000000000001",
          "org_a",
          "user_owner",
          new AssistantDefinition(
              "m", null, null, null, null, null, null, null, null, null, null, null, null),
          NOW);

  /** Grants that must not be read: the answer does not depend on them. */
  private static final Supplier<List<AssistantPermission>> NOT_READ =
      () -> {
        throw new AssertionError("the grants were read although they cannot change the answer");
      };

  @Test
  void theOwnerAndAdminsHoldOwner() {
    assertEquals(Permission.OWNER, AssistantAccess.of(assistant, member("user_owner"), NOT_READ));
    assertEquals(Permission.OWNER, AssistantAccess.of(assistant, admin("org_a"), NOT_READ));
  }

  @Test
  void othersHoldOnlyWhatWasGrantedToThemOrTheirGroups() {
    Caller bob = new Caller("user_bob", "org_a", false, Set.of("team"), Caller.AuthMethod.JWT);
    assertNull(AssistantAccess.of(assistant, bob, () -> List.of()));
    assertEquals(
        Permission.VIEW,
        AssistantAccess.of(
            assistant, bob, () -> List.of(grant(GranteeType.USER, "user_bob", Permission.VIEW))));
    assertEquals(
        Permission.EDIT,
        AssistantAccess.of(
            assistant,
            bob,
            () ->
                List.of(
                    grant(GranteeType.USER, "user_bob", Permission.VIEW),
                    grant(GranteeType.GROUP, "team", Permission.EDIT))));
    assertNull(
        AssistantAccess.of(
            assistant,
            bob,
            () -> List.of(grant(GranteeType.GROUP, "other-team", Permission.OWNER))));
  }

  @Test
  void anotherOrganisationHoldsNothingWhateverWasGranted() {
    Caller foreignAdmin = admin("org_b");
    Caller foreignOwnerId =
        new Caller("user_owner", "org_b", false, Set.of(), Caller.AuthMethod.API_KEY);
    assertNull(AssistantAccess.of(assistant, foreignAdmin, NOT_READ));
    assertNull(AssistantAccess.of(assistant, foreignOwnerId, NOT_READ));
  }

  @Test
  void permissionsIncludeTheWeakerOnes() {
    assertTrue(Permission.OWNER.includes(Permission.EDIT));
    assertTrue(Permission.EDIT.includes(Permission.VIEW));
    assertFalse(Permission.VIEW.includes(Permission.EDIT));
    assertEquals(Permission.EDIT, Permission.strongest(Permission.VIEW, Permission.EDIT));
    assertEquals(Permission.VIEW, Permission.strongest(null, Permission.VIEW));
  }

  private AssistantPermission grant(GranteeType type, String grantee, Permission permission) {
    return new AssistantPermission(
        "perm_x", assistant, type, grantee, permission, "user_owner", NOW);
  }

  private static Caller member(String id) {
    return new Caller(id, "org_a", false, Set.of(), Caller.AuthMethod.API_KEY);
  }

  private static Caller admin(String organization) {
    return new Caller("user_admin", organization, true, Set.of(), Caller.AuthMethod.API_KEY);
  }
}
