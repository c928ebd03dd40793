package io.openassist.conversation.application;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.paging.Page;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageHash;
import io.openassist.conversation.domain.SearchHit;
import io.openassist.conversation.domain.Verification;
import io.openassist.conversation.infrastructure.JdbcMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audit use cases: verifying a conversation's hash chain, exporting a conversation (or, for
 * admins, every conversation of the organisation in a time range) message by message, and full-text
 * search over the messages the caller may read.
 */
@ApplicationScoped
public class AuditService {

  public static final int MAX_QUERY = 256;
  public static final int MAX_HITS = 50;

  @Inject CallerContext callers;
  @Inject ConversationAccess access;
  @Inject JdbcMessageRepository messages;
  @Inject ExportBatches batches;

  /** One line of an export: a conversation, or one of its messages. */
  public sealed interface ExportItem {
    record OfConversation(Conversation conversation) implements ExportItem {}

    record OfMessage(Message message) implements ExportItem {}
  }

  /**
   * Recomputes every message's hash from its parent's stored hash and its own stored content, in
   * creation order; the first whose stored hash differs is named.
   */
  @Transactional
  public Verification verify(String conversationId) {
    Conversation conversation = access.readable(conversationId);
    Map<String, String> hashes = new HashMap<>();
    int[] checked = {0};
    String[] firstInvalid = {null};
    messages.forEach(
        conversation.id(),
        m -> {
          checked[0]++;
          if (firstInvalid[0] != null) {
            return;
          }
          String parentHash = m.parentId() == null ? null : hashes.get(m.parentId());
          boolean parentKnown = m.parentId() == null || parentHash != null;
          if (!parentKnown || !MessageHash.of(parentHash, m).equals(m.hash())) {
            firstInvalid[0] = m.id();
          }
          hashes.put(m.id(), m.hash());
        });
    return new Verification(firstInvalid[0] == null, checked[0], firstInvalid[0]);
  }

  /** The conversation, then each of its messages in creation order. */
  @Transactional
  public void export(String conversationId, Consumer<ExportItem> out) {
    Conversation conversation = access.readable(conversationId);
    batches.write(conversation, out);
  }

  /**
   * Every conversation of the organisation created in {@code [from, to)}, for admins: a batch of
   * conversations per transaction (each read, written out and let go), so that an export of any
   * size neither holds one transaction open for all of it nor keeps what it wrote in memory.
   */
  public void exportAll(Instant from, Instant to, Consumer<ExportItem> out) {
    Caller admin = callers.requireAdmin("export every conversation");
    Conversation last = null;
    do {
      last = batches.next(admin.organizationId(), from, to, last, out);
    } while (last != null);
  }

  /**
   * The best matches for the query among the messages of conversations the caller may read: a
   * member's own (of assistants they may still VIEW), every one of the organisation for admins.
   */
  @Transactional
  public Page<SearchHit> search(String query, String after, int limit) {
    if (query == null || query.isBlank() || query.length() > MAX_QUERY) {
      throw new InvalidRequestException(
          List.of(new FieldError("q", "must be 1 to " + MAX_QUERY + " characters")));
    }
    Caller caller = callers.caller();
    String organizationId = caller.organizationId();
    String createdBy = caller.admin() ? null : caller.userId();
    SearchHit.Cursor cursor =
        after == null
            ? SearchHit.Cursor.START
            : messages
                .searchCursor(organizationId, createdBy, query, after)
                .orElseThrow(
                    () ->
                        new InvalidRequestException(
                            List.of(
                                new FieldError(
                                    "after",
                                    "must be the message_id of a hit of the same search"))));
    // A member's hits are of their own conversations, less those of assistants they no longer
    // VIEW: read in windows until the page and one more are found or the hits run out.
    int window = caller.admin() ? limit + 1 : (limit + 1) * 4;
    Map<String, Boolean> visible = new HashMap<>();
    List<SearchHit> kept = new ArrayList<>();
    while (kept.size() <= limit) {
      List<SearchHit> hits = messages.search(organizationId, createdBy, query, cursor, window);
      for (SearchHit hit : hits) {
        if (kept.size() <= limit
            && (caller.admin() || visible.computeIfAbsent(hit.assistantId(), access::mayView))) {
          kept.add(hit);
        }
      }
      if (hits.size() < window) {
        break;
      }
      cursor = hits.get(hits.size() - 1).cursor();
    }
    boolean hasMore = kept.size() > limit;
    return new Page<>(hasMore ? kept.subList(0, limit) : kept, hasMore);
  }
}
