package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.Organization;
import io.openassist.assistant.domain.User;
import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Organisations, users and API keys in PostgreSQL; user and key reads are organisation-scoped. */
@ApplicationScoped
public class JpaIdentityRepository {

  @PersistenceContext(unitName = "assistants")
  EntityManager em;

  public void add(Organization organization) {
    em.persist(organization);
  }

  public void add(User user) {
    em.persist(user);
  }

  public void add(ApiKey key) {
    em.persist(key);
  }

  public void flush() {
    em.flush();
  }

  /** The organisation a token's organisation claim names: by our id or the provider's id. */
  public Optional<Organization> organizationForClaim(String claim) {
    Organization byId = em.find(Organization.class, claim);
    if (byId != null) {
      return Optional.of(byId);
    }
    return em.createQuery(
            "select o from Organization o where o.externalId = :externalId", Organization.class)
        .setParameter("externalId", claim)
        .getResultStream()
        .findFirst();
  }

  public boolean organizationExternalIdTaken(String externalId) {
    return !em.createQuery("select o.id from Organization o where o.externalId = :externalId")
        .setParameter("externalId", externalId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public Optional<User> user(String organizationId, String id) {
    return Optional.ofNullable(em.find(User.class, id))
        .filter(u -> organizationId.equals(u.organizationId()));
  }

  public Optional<User> userBySubject(String organizationId, String subject) {
    return em.createQuery(
            "select u from User u where u.organizationId = :organizationId"
                + " and u.externalSubject = :subject",
            User.class)
        .setParameter("organizationId", organizationId)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  public Page<User> users(String organizationId, PageRequest request) {
    return CursorQueries.page(
        em,
        User.class,
        "e.organizationId = :organizationId",
        Map.of("organizationId", organizationId),
        request,
        new CursorQueries.Cursors<>(id -> user(organizationId, id), User::createdAt, User::id));
  }

  /** Writes a key's last use; a later use already written wins. */
  public void writeLastUsed(String keyId, Instant lastUsedAt) {
    em.createQuery(
            "update ApiKey k set k.lastUsedAt = :at where k.id = :id and"
                + " (k.lastUsedAt is null or k.lastUsedAt < :at)")
        .setParameter("at", lastUsedAt)
        .setParameter("id", keyId)
        .executeUpdate();
  }

  public Optional<ApiKey> key(String organizationId, String id) {
    return Optional.ofNullable(em.find(ApiKey.class, id))
        .filter(k -> organizationId.equals(k.organizationId()));
  }

  /** Keys of one user, or of the whole organisation when {@code userId} is null; newest first. */
  public List<ApiKey> keys(String organizationId, String userId) {
    TypedQuery<ApiKey> query =
        em.createQuery(
                "select k from ApiKey k where k.organizationId = :organizationId"
                    + (userId == null ? "" : " and k.userId = :userId")
                    + " order by k.createdAt desc, k.id desc",
                ApiKey.class)
            .setParameter("organizationId", organizationId);
    if (userId != null) {
      query.setParameter("userId", userId);
    }
    return query.getResultList();
  }
}
