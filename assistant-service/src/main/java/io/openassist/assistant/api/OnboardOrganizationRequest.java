package io.openassist.assistant.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/organizations} (operator token): a new organisation, its first admin and that
 * admin's first API key. {@code external_id} is the identity provider's id for the organisation, if
 * its users sign in with tokens; {@code admin.external_subject} likewise for the admin.
 */
public record OnboardOrganizationRequest(
    String name,
    @JsonbProperty("external_id") String externalId,
    Admin admin,
    @JsonbProperty("api_key_name") String apiKeyName) {

  /** The first admin of the organisation. */
  public record Admin(
      String name, String email, @JsonbProperty("external_subject") String externalSubject) {}

  void check() {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 256) {
      errors.add(new FieldError("name", "is required, at most 256 characters"));
    }
    if (externalId != null && (externalId.isBlank() || externalId.length() > 256)) {
      errors.add(new FieldError("external_id", "must be 1 to 256 characters"));
    }
    if (admin == null) {
      errors.add(new FieldError("admin", "is required: {name, email}"));
    } else {
      new CreateUserRequest(admin.name(), admin.email(), "admin").checkedRole();
    }
    if (apiKeyName != null && (apiKeyName.isBlank() || apiKeyName.length() > 256)) {
      errors.add(new FieldError("api_key_name", "must be 1 to 256 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }
}
