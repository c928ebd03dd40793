package io.openassist.file.application;

import io.openassist.common.security.Caller;
import io.openassist.common.security.Permission;
import io.openassist.file.domain.ChunkHit;
import io.openassist.file.infrastructure.JdbcChunkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/** Full-text search over the chunks of an assistant's processed files (VIEW on the assistant). */
@ApplicationScoped
public class FileSearch {

  @Inject FileAccess access;
  @Inject JdbcChunkRepository chunks;

  public List<ChunkHit> search(String assistantId, String query, int limit) {
    Caller caller = access.require(assistantId, Permission.VIEW);
    try {
      return chunks.search(caller.organizationId(), assistantId, query, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("The search could not be run", e);
    }
  }
}
