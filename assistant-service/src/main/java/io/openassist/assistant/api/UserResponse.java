package io.openassist.assistant.api;

import io.openassist.assistant.domain.User;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Locale;

/** A user of the organisation on the wire. */
@JsonbPropertyOrder({"id", "object", "organizationId", "name", "email", "role", "createdAt"})
public record UserResponse(
    String id,
    String object,
    String organizationId,
    String name,
    String email,
    String role,
    long createdAt) {

  static UserResponse from(User user) {
    return new UserResponse(
        user.id(),
        "user",
        user.organizationId(),
        user.name(),
        user.email(),
        user.role().name().toLowerCase(Locale.ROOT),
        user.createdAt().getEpochSecond());
  }
}
