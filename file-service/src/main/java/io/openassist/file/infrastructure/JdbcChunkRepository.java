package io.openassist.file.infrastructure;

import io.openassist.file.domain.Chunk;
import io.openassist.file.domain.ChunkHit;
import io.openassist.file.domain.KnowledgeFile;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A file's extracted text and its chunks, indexed with PostgreSQL full-text search in the
 * configured text search configuration ({@code openassist.files.search-language}, default {@code
 * simple}: no stemming, so a knowledge base in any language is matched word for word; {@code
 * english}, {@code german}, ... stem). Runs on the transaction's connection (jdbc/openassist).
 */
@ApplicationScoped
@Transactional
public class JdbcChunkRepository {

  private static final int BATCH = 200;

  @Resource(lookup = "jdbc/openassist")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "openassist.files.search-language", defaultValue = "english")
  String language;

  /**
   * Stores the file's text and chunks (replacing any from an earlier attempt) and marks it ready,
   * in one transaction; a file deleted meanwhile stays deleted.
   */
  public void storeAndFinish(KnowledgeFile file, String text, List<Chunk> chunks, Instant now)
      throws SQLException {
    String fileId = file.id();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement lock =
          c.prepareStatement("SELECT 1 FROM knowledge_file WHERE id = ? FOR UPDATE")) {
        lock.setString(1, fileId);
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            return;
          }
        }
      }
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM file_chunk WHERE file_id = ?");
          PreparedStatement deleteText =
              c.prepareStatement("DELETE FROM file_text WHERE file_id = ?")) {
        delete.setString(1, fileId);
        delete.executeUpdate();
        deleteText.setString(1, fileId);
        deleteText.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO file_text (file_id, content) VALUES (?, ?)")) {
        insert.setString(1, fileId);
        insert.setString(2, text);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO file_chunk (file_id, position, organization_id, assistant_id,"
                  + " start_offset, end_offset, content, search)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, to_tsvector(CAST(? AS regconfig), ?))")) {
        int pending = 0;
        for (Chunk chunk : chunks) {
          insert.setString(1, fileId);
          insert.setInt(2, chunk.position());
          insert.setString(3, file.organizationId());
          insert.setString(4, file.assistantId());
          insert.setInt(5, chunk.start());
          insert.setInt(6, chunk.end());
          insert.setString(7, chunk.text());
          insert.setString(8, language);
          insert.setString(9, chunk.text());
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
      try (PreparedStatement ready =
          c.prepareStatement(
              "UPDATE knowledge_file SET processing_status = 'ready', processing_error = NULL,"
                  + " derivations = '{text,chunks}', claimed_at = NULL, updated_at = ?"
                  + " WHERE id = ?")) {
        ready.setTimestamp(1, Timestamp.from(now));
        ready.setString(2, fileId);
        ready.executeUpdate();
      }
    }
  }

  /**
   * The chunks of the assistant's files that best match the query, best first (ties in upload and
   * document order). Any of the query's words may match (a question's words are not all in its
   * answer); chunks with more of them, closer together, rank higher (ts_rank_cd, normalised to (0,
   * 1)).
   */
  public List<ChunkHit> search(String organizationId, String assistantId, String query, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT k.file_id, f.original_name, k.position, k.start_offset, k.end_offset,"
                    + " k.content, ts_rank_cd(k.search, q, 32) AS score"
                    + " FROM file_chunk k JOIN knowledge_file f ON f.id = k.file_id,"
                    + " CAST(replace(CAST(plainto_tsquery(CAST(? AS regconfig), ?) AS text),"
                    + " ' & ', ' | ') AS tsquery) q"
                    + " WHERE k.organization_id = ? AND k.assistant_id = ? AND k.search @@ q"
                    + " ORDER BY score DESC, f.created_at, k.file_id, k.position LIMIT ?")) {
      select.setString(1, language);
      select.setString(2, query);
      select.setString(3, organizationId);
      select.setString(4, assistantId);
      select.setInt(5, limit);
      List<ChunkHit> hits = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          hits.add(
              new ChunkHit(
                  rs.getString(1),
                  rs.getString(2),
                  new Chunk(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6)),
                  rs.getDouble(7)));
        }
      }
      return hits;
    }
  }
}
