package io.openassist.assistant.api;

import io.openassist.assistant.domain.AssistantPermission.GranteeType;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.security.Permission;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /v1/assistants/{id}/permissions}: {@code permission} (VIEW, EDIT or OWNER) for
 * exactly one of {@code user_id} (a user of the organisation) or {@code group} (a group name of the
 * identity provider).
 */
public record GrantPermissionRequest(
    @Size(min = 1, max = 256, message = "must be {min} to {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String userId,
    @Size(min = 1, max = 256, message = "must be {min} to {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String group,
    @NotNull(message = PERMISSIONS) @Pattern(regexp = "VIEW|EDIT|OWNER", message = PERMISSIONS)
        String permission) {

  static final String PERMISSIONS = "must be VIEW, EDIT or OWNER";

  /** Whom the grant is for; the rule across members: exactly one of user_id and group. */
  GranteeType granteeType() {
    if ((userId == null) == (group == null)) {
      throw new InvalidRequestException(
          List.of(new FieldError("user_id", "give exactly one of user_id and group")));
    }
    return userId != null ? GranteeType.USER : GranteeType.GROUP;
  }

  String grantee() {
    return userId != null ? userId : group;
  }

  Permission typedPermission() {
    return Permission.valueOf(permission);
  }
}
