package io.openassist.assistant.api;

import io.openassist.assistant.domain.AssistantPermission.GranteeType;
import io.openassist.assistant.domain.Permission;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/assistants/{id}/permissions}: {@code permission} (VIEW, EDIT or OWNER) for
 * exactly one of {@code user_id} (a user of the organisation) or {@code group} (a group name of the
 * identity provider).
 */
public record GrantPermissionRequest(
    @JsonbProperty("user_id") String userId, String group, String permission) {

  GranteeType granteeType() {
    check();
    return userId != null ? GranteeType.USER : GranteeType.GROUP;
  }

  String grantee() {
    return userId != null ? userId : group;
  }

  Permission checkedPermission() {
    check();
    return Permission.valueOf(permission);
  }

  private void check() {
    List<FieldError> errors = new ArrayList<>();
    if ((userId == null) == (group == null)) {
      errors.add(new FieldError("user_id", "give exactly one of user_id and group"));
    } else if (grantee().isBlank() || grantee().length() > 256) {
      errors.add(
          new FieldError(userId != null ? "user_id" : "group", "must be 1 to 256 characters"));
    }
    if (permission == null || !List.of("VIEW", "EDIT", "OWNER").contains(permission)) {
      errors.add(new FieldError("permission", "must be VIEW, EDIT or OWNER"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
