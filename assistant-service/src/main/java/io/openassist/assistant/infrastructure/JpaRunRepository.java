package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.run.RunFilter;
import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.assistant.domain.run.UsageTotal;
import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the records of runs ({@link JdbcRunLedger} writes them); every read is scoped to one
 * organisation.
 */
@ApplicationScoped
public class JpaRunRepository {

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  /** One page of an organisation's run records that pass the filter, in creation order. */
  public Page<RunRecord> page(String organizationId, RunFilter filter, PageRequest request) {
    Map<String, Object> parameters = new HashMap<>();
    String scope = scope(organizationId, filter, parameters);
    return CursorQueries.page(
        em,
        RunRecord.class,
        scope,
        parameters,
        request,
        new CursorQueries.Cursors<>(
            id -> find(organizationId, id), RunRecord::createdAt, RunRecord::id));
  }

  /**
   * Runs and tokens of the organisation's run records that pass the filter, one total per group (or
   * one in all when {@code groupBy} is null), largest token use first.
   */
  public List<UsageTotal> usage(
      String organizationId, RunFilter filter, UsageTotal.GroupBy groupBy) {
    // In all: grouped by the organisation, which the scope fixes, so there is one row at most.
    String key = groupBy == null ? "e.organizationId" : "e." + groupBy.member();
    StringBuilder jpql =
        new StringBuilder("select ")
            .append(key)
            .append(", count(e), sum(case when e.outcome = 'SUCCEEDED' then 1 else 0 end),")
            .append(" sum(case when e.outcome = 'FAILED' then 1 else 0 end),")
            .append(" sum(e.promptTokens), sum(e.completionTokens), sum(e.totalTokens),")
            .append(" sum(coalesce(e.cachedTokens, 0)), sum(coalesce(e.reasoningTokens, 0))")
            .append(" from RunRecord e where ");
    Map<String, Object> parameters = new HashMap<>();
    jpql.append(scope(organizationId, filter, parameters));
    jpql.append(" group by ").append(key).append(" order by sum(e.totalTokens) desc, ").append(key);
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    parameters.forEach(query::setParameter);
    List<UsageTotal> totals = new ArrayList<>();
    for (Object[] row : query.getResultList()) {
      long runs = number(row[1]);
      if (runs == 0) {
        continue;
      }
      totals.add(
          new UsageTotal(
              groupBy == null ? null : (String) row[0],
              runs,
              number(row[2]),
              number(row[3]),
              number(row[4]),
              number(row[5]),
              number(row[6]),
              number(row[7]),
              number(row[8])));
    }
    return totals;
  }

  /** The JPQL condition (alias {@code e}) for an organisation's records that pass the filter. */
  private static String scope(
      String organizationId, RunFilter filter, Map<String, Object> parameters) {
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
    return scope.toString();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private Optional<RunRecord> find(String organizationId, String id) {
    return Optional.ofNullable(em.find(RunRecord.class, id))
        .filter(r -> organizationId.equals(r.organizationId()));
  }
}
