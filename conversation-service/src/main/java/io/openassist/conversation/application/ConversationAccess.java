package io.openassist.conversation.application;

import io.openassist.common.error.ForbiddenException;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.security.AssistantAccessChecker;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.infrastructure.JpaConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may see and change a conversation. A member sees the conversations they started, while they
 * may VIEW its assistant; an organisation admin sees every conversation of the organisation. Only
 * the member who started a conversation adds messages to it (an admin reading another's gets a
 * 403). Everything else — another organisation's, another member's, a deleted one, one whose
 * assistant the member lost — is a 404, exactly like a conversation that never existed.
 */
@ApplicationScoped
public class ConversationAccess {

  static final String KIND = "conversation";

  @Inject CallerContext callers;
  @Inject AssistantAccessChecker assistants;
  @Inject JpaConversationRepository conversations;

  /** The conversation, if the caller may read it. */
  public Conversation readable(String id) {
    Caller caller = callers.caller();
    Conversation c =
        conversations
            .find(caller.organizationId(), id)
            .filter(found -> !found.deleted())
            .orElseThrow(() -> new ResourceNotFoundException(KIND));
    requireVisible(caller, c);
    return c;
  }

  /** The conversation, locked for this transaction, if the caller may add to it. */
  public Conversation writable(String id) {
    Caller caller = callers.caller();
    Conversation c = locked(caller, id);
    requireVisible(caller, c);
    requireAuthor(caller, c);
    return c;
  }

  /**
   * The conversation, locked for this transaction, to store the reply of a turn this caller began:
   * its access to the assistant was checked when the turn began ({@link #writable}), so it is not
   * asked of assistant-service again. A reply the run produced is stored even when
   * assistant-service has gone away meanwhile (restarting, say), and a failed turn is recorded as
   * failed.
   */
  public Conversation continuing(String id) {
    Caller caller = callers.caller();
    Conversation c = locked(caller, id);
    requireAuthor(caller, c);
    return c;
  }

  /** The live conversation of the caller's organisation, locked for this transaction. */
  private Conversation locked(Caller caller, String id) {
    return conversations
        .lock(caller.organizationId(), id)
        .filter(found -> !found.deleted())
        .orElseThrow(() -> new ResourceNotFoundException(KIND));
  }

  /**
   * The conversation, not locked, if the caller may read it and add to it: for checks made before
   * work that must not start for a caller who could not store its result (a run).
   */
  public Conversation addable(String id) {
    Conversation c = readable(id);
    requireAuthor(callers.caller(), c);
    return c;
  }

  private static void requireAuthor(Caller caller, Conversation c) {
    if (!c.createdBy().equals(caller.userId())) {
      throw new ForbiddenException("Only the member who started a conversation adds to it");
    }
  }

  /** Whether the caller may read conversations with this assistant that they started. */
  public boolean mayView(String assistantId) {
    return assistants.permission(assistantId).isPresent();
  }

  private void requireVisible(Caller caller, Conversation c) {
    if (caller.admin()) {
      return;
    }
    if (!c.createdBy().equals(caller.userId()) || !mayView(c.assistantId())) {
      throw new ResourceNotFoundException(KIND);
    }
  }
}
