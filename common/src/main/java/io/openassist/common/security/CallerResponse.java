package io.openassist.common.security;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Set;

/**
 * The caller on the wire ({@code GET /v1/me}): what assistant-service answers, and what the other
 * services read to learn who holds a credential.
 */
@JsonbPropertyOrder({"object", "userId", "organizationId", "role", "groups", "authMethod"})
public record CallerResponse(
    String object,
    String userId,
    String organizationId,
    String role,
    List<String> groups,
    String authMethod) {

  public static CallerResponse of(Caller caller) {
    return new CallerResponse(
        "caller",
        caller.userId(),
        caller.organizationId(),
        caller.admin() ? "admin" : "member",
        caller.groups().stream().sorted().toList(),
        caller.method() == Caller.AuthMethod.API_KEY ? "api_key" : "jwt");
  }

  public Caller toCaller() {
    return new Caller(
        userId,
        organizationId,
        "admin".equals(role),
        groups == null ? Set.of() : Set.copyOf(groups),
        "api_key".equals(authMethod) ? Caller.AuthMethod.API_KEY : Caller.AuthMethod.JWT);
  }
}
