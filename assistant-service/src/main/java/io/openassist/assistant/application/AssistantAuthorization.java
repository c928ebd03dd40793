package io.openassist.assistant.application;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantAccess;
import io.openassist.assistant.infrastructure.JpaAssistantRepository;
import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The one place that decides whether the caller may act on an assistant. An assistant the caller
 * may not see (another organisation's, or one it holds no permission on) is answered exactly as a
 * missing one: 404, same body, same single lookup. One it may see but not change is a 403.
 */
@ApplicationScoped
public class AssistantAuthorization {

  @Inject CallerContext callers;
  @Inject JpaAssistantRepository assistants;

  /** An assistant the caller may see, and the permission it holds on it. */
  private record Held(Assistant assistant, Permission permission) {}

  /** The assistant, if the caller holds at least {@code needed} on it. */
  public Assistant require(String assistantId, Permission needed) {
    Held held = resolve(assistantId);
    if (!held.permission().includes(needed)) {
      throw new ForbiddenException(
          "This needs "
              + needed
              + " permission on the assistant; you hold "
              + held.permission().name().toUpperCase(Locale.ROOT));
    }
    return held.assistant();
  }

  /** The caller's own permission on an assistant it may see. */
  public Permission held(String assistantId) {
    return resolve(assistantId).permission();
  }

  private Held resolve(String assistantId) {
    Caller caller = callers.caller();
    Assistant assistant =
        assistants.find(caller.organizationId(), assistantId).orElseThrow(this::notFound);
    Permission permission =
        AssistantAccess.of(assistant, caller, () -> assistants.grantsOn(assistant.id()));
    if (permission == null) {
      throw notFound();
    }
    return new Held(assistant, permission);
  }

  private ResourceNotFoundException notFound() {
    return new ResourceNotFoundException("assistant");
  }
}
