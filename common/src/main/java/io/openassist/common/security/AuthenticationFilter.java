package io.openassist.common.security;

import io.openassist.common.error.UnauthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates every request to every resource of every service, before the resource runs: {@code
 * Authorization: Bearer <credential>}, where the credential is an API key ({@code sk_...}) or the
 * identity provider's JWT. Anything else, and any credential that does not resolve to a caller, is
 * a 401 that says only "invalid credentials". Only methods marked {@link Public} are let through
 * without a caller.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  private static final String BEARER = "bearer ";

  @Context ResourceInfo resource;

  @Inject CallerContext callers;
  @Inject CallerResolver resolver;
  @Inject JwtVerifier tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    if (isPublic()) {
      return;
    }
    String credential = bearerCredential(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (credential == null) {
      throw new UnauthenticatedException();
    }
    Optional<Caller> caller;
    if (ApiKeyFormat.looksLikeApiKey(credential)) {
      caller =
          ApiKeyFormat.isWellFormed(credential) ? resolver.byApiKey(credential) : Optional.empty();
    } else {
      caller = tokens.verify(credential).flatMap(claims -> resolver.byToken(credential, claims));
    }
    callers.authenticate(caller.orElseThrow(UnauthenticatedException::new), credential);
  }

  /** The credential of an {@code Authorization: Bearer} header, or null. */
  public static String bearerCredential(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String credential = authorization.substring(BEARER.length()).trim();
    return credential.isEmpty() || credential.length() > 8192 ? null : credential;
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(Public.class)
            || resource.getResourceClass().isAnnotationPresent(Public.class));
  }
}
