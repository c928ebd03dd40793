package io.openassist.common.security;

import java.util.Optional;

/**
 * Turns a credential whose form has been checked into the caller it belongs to, or nothing when it
 * belongs to no one (unknown, revoked or expired key; token of an unknown organisation).
 *
 * <p>assistant-service, which owns organisations, users and keys, resolves locally; the other
 * services ask it (the assistant-client module's {@code RemoteAssistantService}).
 */
public interface CallerResolver {

  Optional<Caller> byApiKey(String apiKey);

  Optional<Caller> byToken(String token, JwtClaims claims);
}
