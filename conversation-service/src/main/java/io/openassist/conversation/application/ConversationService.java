package io.openassist.conversation.application;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.ConversationFilter;
import io.openassist.conversation.infrastructure.JdbcMessageRepository;
import io.openassist.conversation.infrastructure.JpaConversationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The use cases of conversations themselves: start one with an assistant the caller may VIEW, read,
 * list, rename, change metadata, switch the active branch, delete (softly) and, for admins, list
 * and restore deleted ones.
 */
@ApplicationScoped
public class ConversationService {

  @Inject CallerContext callers;
  @Inject ConversationAccess access;
  @Inject JpaConversationRepository conversations;
  @Inject JdbcMessageRepository messages;

  Clock clock = Clock.systemUTC();

  /** What a PATCH changes; null members stay as they are. */
  public record Changes(
      String title, boolean titleGiven, JsonObject metadata, String activeMessageId) {}

  @Transactional
  public Conversation start(String assistantId, String title, JsonObject metadata) {
    Caller caller = callers.caller();
    if (!access.mayView(assistantId)) {
      throw new InvalidRequestException(
          "assistant_not_found",
          "No assistant with this id exists",
          List.of(new FieldError("assistant_id", "names no assistant you may use")));
    }
    Conversation conversation =
        Conversation.start(
            caller.organizationId(),
            assistantId,
            caller.userId(),
            title,
            metadata,
            clock.instant());
    conversations.add(conversation);
    return conversation;
  }

  @Transactional
  public Conversation get(String id) {
    return access.readable(id);
  }

  /**
   * One page of the conversations the caller may read: a member's own (of assistants they may still
   * VIEW), or, for an admin, everyone's in the organisation; deleted ones for admins only.
   */
  @Transactional
  public Page<Conversation> list(
      String assistantId, Instant from, Instant to, boolean deleted, PageRequest page) {
    Caller caller = callers.caller();
    if (deleted) {
      callers.requireAdmin("list deleted conversations");
    }
    ConversationFilter filter =
        new ConversationFilter(
            deleted, caller.admin() ? null : caller.userId(), assistantId, from, to);
    if (caller.admin()) {
      return conversations.list(caller.organizationId(), filter, page);
    }
    // A member's list leaves out assistants they may no longer VIEW; walking forwards, pages are
    // refilled until full so that hidden conversations do not shorten them.
    Map<String, Boolean> visible = new HashMap<>();
    List<Conversation> kept = new ArrayList<>();
    boolean overflow = false;
    PageRequest next = page;
    while (true) {
      Page<Conversation> fetched = conversations.list(caller.organizationId(), filter, next);
      for (Conversation c : fetched.items()) {
        if (visible.computeIfAbsent(c.assistantId(), access::mayView)) {
          if (kept.size() < page.limit()) {
            kept.add(c);
          } else {
            overflow = true;
          }
        }
      }
      if (kept.size() >= page.limit() || !fetched.hasMore() || page.walksBackwards()) {
        return new Page<>(List.copyOf(kept), overflow || fetched.hasMore());
      }
      String last = fetched.items().get(fetched.items().size() - 1).id();
      next = new PageRequest(page.limit(), page.order(), last, page.before());
    }
  }

  @Transactional
  public Conversation modify(String id, Changes changes) {
    Conversation conversation = access.writable(id);
    Caller caller = callers.caller();
    Instant now = clock.instant();
    if (changes.titleGiven()) {
      conversation.rename(changes.title(), caller.userId(), now);
    }
    if (changes.metadata() != null) {
      conversation.replaceMetadata(changes.metadata(), caller.userId(), now);
    }
    if (changes.activeMessageId() != null) {
      if (!messages.exists(conversation.id(), changes.activeMessageId())) {
        throw new InvalidRequestException(
            "message_not_found",
            "No message with this id exists in this conversation",
            List.of(new FieldError("active_message_id", "names no message of this conversation")));
      }
      conversation.activate(changes.activeMessageId(), caller.userId(), now);
    }
    return conversation;
  }

  /** Hides the conversation; it is purged after the retention period unless restored. */
  @Transactional
  public Conversation delete(String id) {
    Caller caller = callers.caller();
    Conversation conversation = access.readable(id);
    if (!caller.admin() && !conversation.createdBy().equals(caller.userId())) {
      throw new ResourceNotFoundException(ConversationAccess.KIND);
    }
    conversation.delete(caller.userId(), clock.instant());
    return conversation;
  }

  /** Brings a deleted conversation back (admins only). */
  @Transactional
  public Conversation restore(String id) {
    Caller caller = callers.requireAdmin("restore conversations");
    Conversation conversation =
        conversations
            .find(caller.organizationId(), id)
            .orElseThrow(() -> new ResourceNotFoundException(ConversationAccess.KIND));
    if (conversation.deleted()) {
      conversation.restore(caller.userId(), clock.instant());
    }
    return conversation;
  }
}
