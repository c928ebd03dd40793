package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.Assistant;
import io.openassist.assistant.domain.AssistantAccess;
import io.openassist.assistant.domain.AssistantPermission;
import io.openassist.assistant.domain.AssistantPermission.GranteeType;
import io.openassist.common.error.ConflictException;
import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assistants and the permissions granted on them, in PostgreSQL. Every read is scoped to one
 * organisation; nothing here can return another organisation's rows.
 */
@ApplicationScoped
public class JpaAssistantRepository {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String SLUG_CONSTRAINT = "uk_assistant_organization_slug";

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  /** The assistant with this id in this organisation, if there is one. */
  public Optional<Assistant> find(String organizationId, String id) {
    return Optional.ofNullable(em.find(Assistant.class, id))
        .filter(a -> organizationId.equals(a.organizationId()));
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
   * Writes pending changes now. The slug's uniqueness within the organisation is enforced by the
   * database alone (a check before writing could not see a concurrent insert), and its violation
   * becomes a 409.
   */
  public void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (violates(e, SLUG_CONSTRAINT)) {
        throw new ConflictException(
            "slug_taken", "Another assistant of this organisation already has this slug");
      }
      throw e;
    }
  }

  /** One page of the assistants the caller may at least view. */
  public Page<Assistant> pageVisibleTo(Caller caller, PageRequest request) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("organizationId", caller.organizationId());
    StringBuilder scope = new StringBuilder("e.organizationId = :organizationId");
    if (!caller.admin()) {
      scope.append(
          " and (e.ownerId = :userId or exists (select p.id from AssistantPermission p"
              + " where p.assistantId = e.id and ((p.granteeType = :userGrant and p.grantee ="
              + " :userId)");
      parameters.put("userId", caller.userId());
      parameters.put("userGrant", GranteeType.USER);
      if (!caller.groups().isEmpty()) {
        scope.append(" or (p.granteeType = :groupGrant and p.grantee in :groups)");
        parameters.put("groupGrant", GranteeType.GROUP);
        parameters.put("groups", List.copyOf(caller.groups()));
      }
      scope.append(")))");
    }
    return CursorQueries.page(
        em,
        Assistant.class,
        scope.toString(),
        parameters,
        request,
        new CursorQueries.Cursors<>(
            id ->
                find(caller.organizationId(), id)
                    .filter(a -> AssistantAccess.of(a, caller, () -> grantsOn(a.id())) != null),
            Assistant::createdAt,
            Assistant::id));
  }

  /** Every grant on this assistant, oldest first. */
  public List<AssistantPermission> grantsOn(String assistantId) {
    return em.createQuery(
            "select p from AssistantPermission p where p.assistantId = :assistantId"
                + " order by p.createdAt, p.id",
            AssistantPermission.class)
        .setParameter("assistantId", assistantId)
        .getResultList();
  }

  public void addGrant(AssistantPermission grant) {
    em.persist(grant);
  }

  public void removeGrant(AssistantPermission grant) {
    em.remove(grant);
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
}
