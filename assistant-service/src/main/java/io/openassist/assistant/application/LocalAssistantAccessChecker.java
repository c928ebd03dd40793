package io.openassist.assistant.application;

import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.security.AssistantAccessChecker;
import io.openassist.common.security.Permission;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * assistant-service answers permission checks from its own records (replacing the remote checker
 * the other services use); a grant or its revocation counts from the next request.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
@Transactional
public class LocalAssistantAccessChecker implements AssistantAccessChecker {

  @Inject AssistantAuthorization authorization;

  @Override
  public Optional<Permission> permission(String assistantId) {
    try {
      return Optional.of(authorization.held(assistantId));
    } catch (ResourceNotFoundException notVisible) {
      return Optional.empty();
    }
  }
}
