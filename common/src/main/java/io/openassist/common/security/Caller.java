package io.openassist.common.security;

import java.util.Set;

/**
 * Who is calling: a user of one organisation, authenticated by an API key or by the identity
 * provider's token, with the groups the token named. Every use case scopes what it reads and writes
 * by {@link #organizationId()}.
 */
public record Caller(
    String userId, String organizationId, boolean admin, Set<String> groups, AuthMethod method) {

  /** How the caller proved who it is. */
  public enum AuthMethod {
    API_KEY,
    JWT
  }

  public Caller {
    groups = Set.copyOf(groups);
  }
}
