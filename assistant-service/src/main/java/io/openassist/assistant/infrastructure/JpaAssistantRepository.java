package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.Assistant;
import io.openassist.common.error.ConflictException;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.paging.SortOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Assistants in PostgreSQL, read and listed in creation order with id cursors. */
@ApplicationScoped
public class JpaAssistantRepository {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SLUG_CONSTRAINT = "uk_assistant_slug";

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  public Optional<Assistant> find(String id) {
    return Optional.ofNullable(em.find(Assistant.class, id));
  }

  /** Stores a new assistant at once, so that a taken slug is a 409 here and not at commit. */
  public void add(Assistant assistant) {
    em.persist(assistant);
    flush();
  }

  public void remove(Assistant assistant) {
    em.remove(assistant);
  }

  /**
   * Writes pending changes now. The unique slug is enforced by the database alone (a check before
   * writing could not see a concurrent insert), and its violation becomes a 409.
   */
  public void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (violates(e, SLUG_CONSTRAINT)) {
        throw new ConflictException("slug_taken", "Another assistant already has this slug");
      }
      throw e;
    }
  }

  private static boolean violates(Throwable failure, String constraint) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && UNIQUE_VIOLATION.equals(sql.getSQLState())
          && String.valueOf(sql.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One page in creation order (ties broken by id), bounded by the objects the cursors name. A
   * cursor that names no assistant is a 400, as it is for OpenAI.
   */
  public Page<Assistant> page(PageRequest request) {
    Assistant lower = cursor(request.ascendingLowerBound(), request);
    Assistant upper = cursor(request.ascendingUpperBound(), request);
    StringBuilder jpql = new StringBuilder("select a from Assistant a where 1 = 1");
    if (lower != null) {
      jpql.append(" and (a.createdAt > :lowerAt or (a.createdAt = :lowerAt and a.id > :lowerId))");
    }
    if (upper != null) {
      jpql.append(" and (a.createdAt < :upperAt or (a.createdAt = :upperAt and a.id < :upperId))");
    }
    String direction = request.fetchOrder() == SortOrder.ASC ? "asc" : "desc";
    jpql.append(" order by a.createdAt ").append(direction).append(", a.id ").append(direction);
    TypedQuery<Assistant> query = em.createQuery(jpql.toString(), Assistant.class);
    if (lower != null) {
      query.setParameter("lowerAt", lower.createdAt()).setParameter("lowerId", lower.id());
    }
    if (upper != null) {
      query.setParameter("upperAt", upper.createdAt()).setParameter("upperId", upper.id());
    }
    List<Assistant> fetched = query.setMaxResults(request.fetchSize()).getResultList();
    return request.toPage(fetched);
  }

  private Assistant cursor(String id, PageRequest request) {
    if (id == null) {
      return null;
    }
    return find(id)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    List.of(
                        new FieldError(
                            id.equals(request.after()) ? "after" : "before",
                            "is not the id of an assistant in this list"))));
  }
}
