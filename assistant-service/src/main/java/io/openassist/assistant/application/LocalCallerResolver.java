package io.openassist.assistant.application;

import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerResolver;
import io.openassist.common.security.JwtClaims;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * assistant-service owns users and keys, so it resolves credentials against its own database
 * (replacing the remote resolver the other services use). Revocation takes effect at once here.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class LocalCallerResolver implements CallerResolver {

  @Inject IdentityService identities;

  @Override
  public Optional<Caller> byApiKey(String apiKey) {
    return identities.authenticateKey(apiKey);
  }

  @Override
  public Optional<Caller> byToken(String token, JwtClaims claims) {
    return identities.authenticateToken(claims);
  }
}
