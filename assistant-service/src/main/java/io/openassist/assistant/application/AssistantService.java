package io.openassist.assistant.application;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantDefinition;
import io.openassist.assistant.infrastructure.JpaAssistantRepository;
import io.openassist.common.id.IdGenerator;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.paging.SortOrder;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.security.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant use cases: create, read, list, modify, delete, each for the current caller and
 * within its organisation. Each runs in one transaction; an answered write is committed to
 * PostgreSQL before the response leaves.
 */
@ApplicationScoped
@Transactional
public class AssistantService {

  static final String ID_PREFIX = "asst";

  @Inject JpaAssistantRepository assistants;
  @Inject AssistantAuthorization authorization;
  @Inject CallerContext callers;

  private final Clock clock = Clock.systemUTC();

  /** A new assistant in the caller's organisation, owned by the caller. */
  public Assistant create(AssistantDefinition definition) {
    Caller caller = callers.caller();
    Assistant assistant =
        Assistant.create(
            IdGenerator.newId(ID_PREFIX),
            caller.organizationId(),
            caller.userId(),
            definition,
            clock.instant());
    assistants.add(assistant);
    return assistant;
  }

  /**
   * Outside a transaction: the assistant and, where needed, its grants are each one autocommitted
   * statement (under READ COMMITTED a transaction would give them no more consistency), and every
   * request that reads an assistant (a GET, each run) saves the transaction's begin, its COMMIT
   * round trip and the enlistment of the connection.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Assistant get(String id) {
    return authorization.require(id, Permission.VIEW);
  }

  /** The assistants the caller may at least view. */
  public Page<Assistant> list(PageRequest page) {
    return assistants.pageVisibleTo(callers.caller(), page);
  }

  /**
   * Every assistant the caller may at least view, newest first, up to {@code max} (for the meinGPT
   * listing, which has no pagination).
   */
  public List<Assistant> listAll(int max) {
    List<Assistant> all = new ArrayList<>();
    PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, SortOrder.DESC, null, null);
    while (all.size() < max) {
      Page<Assistant> batch = assistants.pageVisibleTo(callers.caller(), page);
      all.addAll(batch.items());
      if (!batch.hasMore() || batch.items().isEmpty()) {
        break;
      }
      String last = batch.items().get(batch.items().size() - 1).id();
      page = new PageRequest(PageRequest.MAX_LIMIT, SortOrder.DESC, last, null);
    }
    return all.size() > max ? all.subList(0, max) : all;
  }

  public Assistant modify(String id, AssistantDefinition changes) {
    Assistant assistant = authorization.require(id, Permission.EDIT);
    assistant.modify(changes, clock.instant());
    assistants.flush();
    return assistant;
  }

  public void delete(String id) {
    assistants.remove(authorization.require(id, Permission.OWNER));
  }
}
