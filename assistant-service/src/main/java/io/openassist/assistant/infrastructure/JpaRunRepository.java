package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.run.RunFilter;
import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The records of runs, in PostgreSQL. Every read is scoped to one organisation. */
@ApplicationScoped
public class JpaRunRepository {

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  public void add(RunRecord run) {
    em.persist(run);
  }

  /** One page of an organisation's run records that pass the filter, in creation order. */
  public Page<RunRecord> page(String organizationId, RunFilter filter, PageRequest request) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("organizationId", organizationId);
    StringBuilder scope = new StringBuilder("e.organizationId = :organizationId");
    if (filter.assistantId() != null) {
      scope.append(" and e.assistantId = :assistantId");
      parameters.put("assistantId", filter.assistantId());
    }
    if (filter.userId() != null) {
      scope.append(" and e.userId = :userId");
      parameters.put("userId", filter.userId());
    }
    if (filter.from() != null) {
      scope.append(" and e.createdAt >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      scope.append(" and e.createdAt < :to");
      parameters.put("to", filter.to());
    }
    return CursorQueries.page(
        em,
        RunRecord.class,
        scope.toString(),
        parameters,
        request,
        new CursorQueries.Cursors<>(
            id -> find(organizationId, id), RunRecord::createdAt, RunRecord::id));
  }

  private Optional<RunRecord> find(String organizationId, String id) {
    return Optional.ofNullable(em.find(RunRecord.class, id))
        .filter(r -> organizationId.equals(r.organizationId()));
  }
}
