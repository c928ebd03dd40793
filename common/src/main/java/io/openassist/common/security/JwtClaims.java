package io.openassist.common.security;

import java.time.Instant;
import java.util.Set;

/** What a verified identity-provider token says about its bearer. */
public record JwtClaims(
    String subject, String organization, Set<String> groups, Instant expiresAt) {

  public JwtClaims {
    groups = Set.copyOf(groups);
  }
}
