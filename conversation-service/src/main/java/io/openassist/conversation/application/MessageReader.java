package io.openassist.conversation.application;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ResourceNotFoundException;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.paging.SortOrder;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import io.openassist.conversation.infrastructure.JdbcMessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reading the tree of a conversation the caller may read, each read one transaction: a branch (the
 * active one, or the one ending at a given message), every message in creation order, the children
 * of a message, one message, and the whole branch a run needs.
 */
@ApplicationScoped
public class MessageReader {

  private static final int BRANCH_PAGE = 2_000;

  @Inject ConversationAccess access;
  @Inject JdbcMessageRepository messages;

  /**
   * What a run needs: the conversation's assistant and the branch root → leaf, whole (none for a
   * null leaf).
   */
  public record RunContext(String assistantId, List<Message> branch) {}

  /** The assistant of a conversation the caller may add to. */
  @Transactional
  public String assistantToAddTo(String conversationId) {
    return access.addable(conversationId).assistantId();
  }

  /** What regenerating a reply needs: the reply, its parent, and the run of the branch to it. */
  public record Regeneration(Message original, Message parent, RunContext context) {}

  /**
   * The assistant reply to regenerate, if the caller may add to its conversation (checked before
   * anything runs): a 404 for a message that is not there, a 400 for one that is not a reply.
   */
  @Transactional
  public Regeneration regeneration(String conversationId, String messageId, int completed) {
    Conversation conversation = access.addable(conversationId);
    Message original =
        messages
            .find(conversation, messageId)
            .orElseThrow(() -> new ResourceNotFoundException(MessageWriter.MESSAGE))
            .message();
    if (original.role() != MessageRole.ASSISTANT || original.parentId() == null) {
      throw new InvalidRequestException(
          "not_an_assistant_reply", "Only an assistant's reply to a message can be regenerated");
    }
    List<Message> branch = recentBranch(conversation, original.parentId(), completed);
    return new Regeneration(
        original,
        branch.get(branch.size() - 1),
        new RunContext(conversation.assistantId(), branch));
  }

  /**
   * The branch ending at {@code leafId}, root first, as far back as a run can use: read from the
   * leaf a page at a time until {@code completed} completed messages (what a run sends; failed ones
   * are left out) or the root, so that a turn in a very long conversation does not read all of it.
   * Runs in the caller's transaction, on a conversation the caller has checked.
   */
  public List<Message> recentBranch(Conversation conversation, String leafId, int completed) {
    List<Message> branch = new ArrayList<>();
    int kept = 0;
    PageRequest page = new PageRequest(BRANCH_PAGE, SortOrder.DESC, null, null);
    while (true) {
      Page<Message.Placed> part =
          branchPage(conversation, leafId, page)
              .orElseThrow(() -> new ResourceNotFoundException(MessageWriter.MESSAGE));
      for (Message.Placed placed : part.items()) {
        branch.add(placed.message());
        kept += placed.message().status() == MessageStatus.COMPLETED ? 1 : 0;
      }
      if (!part.hasMore() || kept >= completed) {
        java.util.Collections.reverse(branch);
        return branch;
      }
      page = new PageRequest(BRANCH_PAGE, SortOrder.DESC, branch.get(branch.size() - 1).id(), null);
    }
  }

  @Transactional
  public Message.Placed readable(String conversationId, String messageId) {
    Conversation conversation = access.readable(conversationId);
    return messages
        .find(conversation, messageId)
        .orElseThrow(() -> new ResourceNotFoundException(MessageWriter.MESSAGE));
  }

  /**
   * One page of the branch ending at {@code leafId} (null: the active branch), handed to {@code
   * each} message by message in the page's order as it is read, so that a branch of 10,000 is never
   * held in memory as a whole; answers whether more lie beyond the page.
   */
  @Transactional
  public boolean branch(
      String conversationId, String leafId, PageRequest page, Consumer<Message.Placed> each) {
    Conversation conversation = access.readable(conversationId);
    String leaf = leafId != null ? leafId : conversation.activeMessageId();
    if (leaf == null) {
      return false;
    }
    return messages
        .branch(conversation, leaf, page, MessageReader::badCursor, each)
        .orElseThrow(() -> new ResourceNotFoundException(MessageWriter.MESSAGE));
  }

  private Optional<Page<Message.Placed>> branchPage(
      Conversation conversation, String leaf, PageRequest page) {
    return messages.branch(conversation, leaf, page, MessageReader::badCursor);
  }

  /** One page of every message of the conversation, in creation order. */
  @Transactional
  public Page<Message.Placed> tree(String conversationId, PageRequest page) {
    return messages.tree(access.readable(conversationId), page, MessageReader::badCursor);
  }

  /** One page of the children of a message, in the order they were added. */
  @Transactional
  public Page<Message.Placed> children(String conversationId, String messageId, PageRequest page) {
    Conversation conversation = access.readable(conversationId);
    readable(conversationId, messageId);
    return messages.children(conversation, messageId, page, MessageReader::badCursor);
  }

  private static RuntimeException badCursor(String parameter) {
    return new InvalidRequestException(
        List.of(new FieldError(parameter, "is not the id of a message in this list")));
  }
}
