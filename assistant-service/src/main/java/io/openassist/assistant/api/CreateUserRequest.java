package io.openassist.assistant.api;

import io.openassist.assistant.domain.Role;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /v1/users}: a user of the caller's organisation, member unless said otherwise. */
public record CreateUserRequest(
    @Size(max = 256, message = "must be at most {max} characters") String name,
    @Email(message = "must be an e-mail address")
        @Size(max = 320, message = "must be an e-mail address")
        String email,
    @Pattern(regexp = "admin|member", message = "must be 'admin' or 'member'") String role) {

  /** The role asked for (member when none is); checks the rule across members first. */
  Role checkedRole() {
    if (blank(name) && blank(email)) {
      throw new InvalidRequestException(
          List.of(new FieldError("name", "a name or an e-mail address is required")));
    }
    return "admin".equals(role) ? Role.ADMIN : Role.MEMBER;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
