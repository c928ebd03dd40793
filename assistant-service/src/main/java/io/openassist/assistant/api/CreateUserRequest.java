package io.openassist.assistant.api;

import io.openassist.assistant.domain.Role;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/users}: a user of the caller's organisation, member unless said otherwise. */
public record CreateUserRequest(String name, String email, String role) {

  Role checkedRole() {
    List<FieldError> errors = new ArrayList<>();
    if (name != null && name.length() > 256) {
      errors.add(new FieldError("name", "must be at most 256 characters"));
    }
    if (email != null && (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
      errors.add(new FieldError("email", "must be an e-mail address"));
    }
    if ((name == null || name.isBlank()) && (email == null || email.isBlank())) {
      errors.add(new FieldError("name", "a name or an e-mail address is required"));
    }
    Role parsed = null;
    if (role == null || role.equals("member")) {
      parsed = Role.MEMBER;
    } else if (role.equals("admin")) {
      parsed = Role.ADMIN;
    } else {
      errors.add(new FieldError("role", "must be 'admin' or 'member'"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return parsed;
  }
}
