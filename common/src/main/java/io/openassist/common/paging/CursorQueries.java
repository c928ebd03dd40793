package io.openassist.common.paging;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cursor pagination over any entity with {@code createdAt} and {@code id}: one page in creation
 * order (ties broken by id), within a scope (a JPQL condition on alias {@code e}), bounded by the
 * objects the cursors name. A cursor that names no object in the scope is a 400.
 */
public final class CursorQueries {

  private CursorQueries() {}

  /** How to read the creation time and id of a cursor object, and to find one within the scope. */
  public record Cursors<T>(
      Function<String, Optional<T>> findInScope,
      Function<T, Instant> createdAt,
      Function<T, String> id) {}

  public static <T> Page<T> page(
      EntityManager em,
      Class<T> type,
      String scope,
      Map<String, Object> parameters,
      PageRequest request,
      Cursors<T> cursors) {
    T lower = cursor(request.ascendingLowerBound(), request, cursors);
    T upper = cursor(request.ascendingUpperBound(), request, cursors);
    StringBuilder jpql =
        new StringBuilder("select e from ")
            .append(type.getSimpleName())
            .append(" e where (")
            .append(scope)
            .append(")");
    if (lower != null) {
      jpql.append(" and (e.createdAt > :lowerAt or (e.createdAt = :lowerAt and e.id > :lowerId))");
    }
    if (upper != null) {
      jpql.append(" and (e.createdAt < :upperAt or (e.createdAt = :upperAt and e.id < :upperId))");
    }
    String direction = request.fetchOrder() == SortOrder.ASC ? "asc" : "desc";
    jpql.append(" order by e.createdAt ").append(direction).append(", e.id ").append(direction);
    TypedQuery<T> query = em.createQuery(jpql.toString(), type);
    parameters.forEach(query::setParameter);
    if (lower != null) {
      query
          .setParameter("lowerAt", cursors.createdAt().apply(lower))
          .setParameter("lowerId", cursors.id().apply(lower));
    }
    if (upper != null) {
      query
          .setParameter("upperAt", cursors.createdAt().apply(upper))
          .setParameter("upperId", cursors.id().apply(upper));
    }
    List<T> fetched = query.setMaxResults(request.fetchSize()).getResultList();
    return request.toPage(fetched);
  }

  private static <T> T cursor(String id, PageRequest request, Cursors<T> cursors) {
    if (id == null) {
      return null;
    }
    return cursors
        .findInScope()
        .apply(id)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    List.of(
                        new FieldError(
                            id.equals(request.after()) ? "after" : "before",
                            "is not the id of an object in this list"))));
  }
}
