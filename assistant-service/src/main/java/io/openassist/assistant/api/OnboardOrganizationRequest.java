package io.openassist.assistant.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /v1/organizations} (operator token): a new organisation, its first admin and that
 * admin's first API key. {@code external_id} is the identity provider's id for the organisation, if
 * its users sign in with tokens; {@code admin.external_subject} likewise for the admin.
 */
public record OnboardOrganizationRequest(
    @NotBlank(message = "is required, at most 256 characters")
        @Size(max = 256, message = "is required, at most {max} characters")
        String name,
    @Size(min = 1, max = 256, message = "must be {min} to {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String externalId,
    @NotNull(message = "is required: \\{name, email\\}") @Valid Admin admin,
    @Size(min = 1, max = 256, message = "must be {min} to {max} characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String apiKeyName) {

  /** The first admin of the organisation: a name, an e-mail address, or both. */
  public record Admin(
      @Size(max = 256, message = "must be at most {max} characters") String name,
      @Email(message = "must be an e-mail address")
          @Size(max = 320, message = "must be an e-mail address")
          String email,
      @Size(min = 1, max = 256, message = "must be {min} to {max} characters")
          String externalSubject) {}

  /** The rule across members: the admin needs a name or an e-mail address. */
  void checkAdminNamed() {
    if (CreateUserRequest.blank(admin.name()) && CreateUserRequest.blank(admin.email())) {
      throw new InvalidRequestException(
          List.of(new FieldError("admin.name", "a name or an e-mail address is required")));
    }
  }
}
