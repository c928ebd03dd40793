package io.openassist.file.infrastructure;

import io.openassist.common.paging.CursorQueries;
import io.openassist.common.paging.Page;
import io.openassist.common.paging.PageRequest;
import io.openassist.file.domain.FileSettings;
import io.openassist.file.domain.KnowledgeFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knowledge files and the organisations' file settings in PostgreSQL. Each call joins the caller's
 * transaction or, outside one, is its own.
 */
@ApplicationScoped
@Transactional
public class JpaFileRepository {

  @PersistenceContext(unitName = "files")
  EntityManager em;

  public void add(KnowledgeFile file) {
    em.persist(file);
  }

  /** The new file in, the old one out (with its chunks and text), in one transaction. */
  public void replace(KnowledgeFile file, String oldId) {
    em.persist(file);
    delete(oldId);
  }

  /** Removes the file's row; its chunks and text go with it (ON DELETE CASCADE). */
  public void delete(String id) {
    em.createQuery("delete from KnowledgeFile e where e.id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  /** The assistant's file with this id, within the organisation. */
  public Optional<KnowledgeFile> find(String organizationId, String assistantId, String id) {
    return Optional.ofNullable(em.find(KnowledgeFile.class, id))
        .filter(f -> f.organizationId().equals(organizationId))
        .filter(f -> f.assistantId().equals(assistantId));
  }

  /** Files waiting for extraction or being extracted. */
  public long backlog() {
    return em.createQuery(
            "SELECT count(f) FROM KnowledgeFile f WHERE f.processingStatus IN ('pending', 'processing')",
            Long.class)
        .getSingleResult();
  }

  public Optional<KnowledgeFile> byId(String id) {
    return Optional.ofNullable(em.find(KnowledgeFile.class, id));
  }

  /** One page of the assistant's files, in upload order. */
  public Page<KnowledgeFile> list(String organizationId, String assistantId, PageRequest page) {
    return CursorQueries.page(
        em,
        KnowledgeFile.class,
        "e.organizationId = :org and e.assistantId = :assistant",
        Map.of("org", organizationId, "assistant", assistantId),
        page,
        new CursorQueries.Cursors<>(
            id -> find(organizationId, assistantId, id),
            KnowledgeFile::createdAt,
            KnowledgeFile::id));
  }

  /** Every file of the assistant, oldest first (meinGPT's list has no pages). */
  public List<KnowledgeFile> all(String organizationId, String assistantId) {
    return em.createQuery(
            "select e from KnowledgeFile e where e.organizationId = :org"
                + " and e.assistantId = :assistant order by e.createdAt, e.id",
            KnowledgeFile.class)
        .setParameter("org", organizationId)
        .setParameter("assistant", assistantId)
        .getResultList();
  }

  /** Which of these storage keys have a file row. */
  public List<String> knownKeys(List<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select e.storageKey from KnowledgeFile e where e.storageKey in :keys", String.class)
        .setParameter("keys", keys)
        .getResultList();
  }

  public Optional<FileSettings> settings(String organizationId) {
    return Optional.ofNullable(em.find(FileSettings.class, organizationId));
  }

  public void addSettings(FileSettings settings) {
    em.persist(settings);
  }

  /**
   * Claims the oldest file waiting for processing (or whose claim is older than {@code
   * staleBefore}: its worker died) for this worker, skipping those other workers hold; counts the
   * attempt.
   */
  public Optional<Claim> claimNext(Instant now, Instant staleBefore) {
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                "UPDATE knowledge_file SET processing_status = 'processing', claimed_at = ?1,"
                    + " processing_attempts = processing_attempts + 1, updated_at = ?1"
                    + " WHERE id = (SELECT id FROM knowledge_file"
                    + " WHERE processing_status = 'pending'"
                    + " OR (processing_status = 'processing' AND claimed_at < ?2)"
                    + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                    + " RETURNING id, processing_attempts")
            .setParameter(1, now)
            .setParameter(2, staleBefore)
            .getResultList();
    return claimed.stream()
        .findFirst()
        .map(row -> new Claim((String) row[0], ((Number) row[1]).intValue(), now));
  }

  /**
   * A file claimed for processing, how many attempts it has had (this one included), and when it
   * was claimed (which tells this claim from a later one of another worker).
   */
  public record Claim(String fileId, int attempts, Instant claimedAt) {}

  /**
   * Hands a claimed file back to waiting, its attempt not counted (the service stops), unless the
   * claim is no longer this one (it went stale and another worker took the file).
   */
  public void release(Claim claim, Instant now) {
    em.createNativeQuery(
            "UPDATE knowledge_file SET processing_status = 'pending', claimed_at = NULL,"
                + " processing_attempts = GREATEST(processing_attempts - 1, 0), updated_at = ?2"
                + " WHERE id = ?1 AND processing_status = 'processing' AND claimed_at = ?3")
        .setParameter(1, claim.fileId())
        .setParameter(2, now)
        .setParameter(3, claim.claimedAt())
        .executeUpdate();
  }

  /** Records the outcome of processing, unless the file was deleted meanwhile. */
  public void finish(
      String fileId, String status, String error, List<String> derivations, Instant now) {
    em.createNativeQuery(
            "UPDATE knowledge_file SET processing_status = ?2, processing_error = ?3,"
                + " derivations = CAST(?4 AS text[]), claimed_at = NULL, updated_at = ?5 WHERE id = ?1")
        .setParameter(1, fileId)
        .setParameter(2, status)
        .setParameter(3, error)
        .setParameter(4, "{" + String.join(",", derivations) + "}")
        .setParameter(5, now)
        .executeUpdate();
  }
}
