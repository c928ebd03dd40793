package io.openassist.common.security;

import java.util.Optional;

/**
 * The caller's permission on an assistant — {@code VIEW}, {@code EDIT} or {@code OWNER} — or
 * nothing when it may not see it (missing, another organisation's, or no grant). assistant-service
 * answers from its own records; the other services ask it (the assistant-client module's {@code
 * RemoteAssistantService}).
 */
public interface AssistantAccessChecker {

  Optional<Permission> permission(String assistantId);
}
