package io.openassist.conversation.infrastructure;

import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.conversation.domain.Conversation;
import io.openassist.conversation.domain.ConversationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations in PostgreSQL, always looked up within one organisation. */
@ApplicationScoped
public class JpaConversationRepository {

  @PersistenceContext(unitName = "conversations")
  EntityManager em;

  public void add(Conversation conversation) {
    em.persist(conversation);
  }

  /** The organisation's conversation with this id, deleted or not. */
  public Optional<Conversation> find(String organizationId, String id) {
    return Optional.ofNullable(em.find(Conversation.class, id))
        .filter(c -> c.organizationId().equals(organizationId));
  }

  /**
   * The same, locked until the transaction ends: appends to one conversation take their turns, so
   * that its tree and its active pointer stay consistent.
   */
  public Optional<Conversation> lock(String organizationId, String id) {
    return Optional.ofNullable(em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE))
        .filter(c -> c.organizationId().equals(organizationId));
  }

  /** One page of the organisation's conversations that pass the filter, in creation order. */
  public Page<Conversation> list(
      String organizationId, ConversationFilter filter, PageRequest page) {
    StringBuilder scope = new StringBuilder("e.organizationId = :org");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("org", organizationId);
    scope.append(filter.deleted() ? " and e.deletedAt is not null" : " and e.deletedAt is null");
    if (filter.createdBy() != null) {
      scope.append(" and e.createdBy = :createdBy");
      parameters.put("createdBy", filter.createdBy());
    }
    if (filter.assistantId() != null) {
      scope.append(" and e.assistantId = :assistant");
      parameters.put("assistant", filter.assistantId());
    }
    if (filter.createdFrom() != null) {
      scope.append(" and e.createdAt >= :from");
      parameters.put("from", filter.createdFrom());
    }
    if (filter.createdTo() != null) {
      scope.append(" and e.createdAt < :to");
      parameters.put("to", filter.createdTo());
    }
    return CursorQueries.page(
        em,
        Conversation.class,
        scope.toString(),
        parameters,
        page,
        new CursorQueries.Cursors<>(
            id -> find(organizationId, id), Conversation::createdAt, Conversation::id));
  }

  /**
   * Up to {@code limit} of the organisation's conversations (deleted ones too: an audit export is
   * complete) created in {@code [from, to)}, either bound optional, oldest first, after the one
   * named by {@code afterCreatedAt} and {@code afterId} (both null: from the first).
   */
  public List<Conversation> createdBetween(
      String organizationId,
      Instant from,
      Instant to,
      Instant afterCreatedAt,
      String afterId,
      int limit) {
    String jpql =
        "select e from Conversation e where e.organizationId = :org"
            + (from == null ? "" : " and e.createdAt >= :from")
            + (to == null ? "" : " and e.createdAt < :to")
            + (afterId == null
                ? ""
                : " and (e.createdAt > :afterAt or (e.createdAt = :afterAt and e.id > :afterId))")
            + " order by e.createdAt, e.id";
    var query =
        em.createQuery(jpql, Conversation.class)
            .setParameter("org", organizationId)
            .setMaxResults(limit);
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
    if (afterId != null) {
      query.setParameter("afterAt", afterCreatedAt).setParameter("afterId", afterId);
    }
    return query.getResultList();
  }
}
