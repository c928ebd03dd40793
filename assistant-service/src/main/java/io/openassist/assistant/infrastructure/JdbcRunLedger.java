package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.run.RunRecord;
import io.openassist.assistant.domain.run.Usage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Appends run records to the {@code run} table through the ledger data source: one autocommitted
 * INSERT, outside any JTA transaction, whose commit does not wait for the WAL flush (the data
 * source sets {@code synchronous_commit=off}). A run record is written once and never changed, so
 * it needs no persistence context; {@link JpaRunRepository} reads them.
 */
@ApplicationScoped
public class JdbcRunLedger {

  static final String INSERT =
      "INSERT INTO run (id, organization_id, assistant_id, user_id, provider, model, streamed,"
          + " outcome, finish_reason, error_code, prompt_tokens, completion_tokens, total_tokens,"
          + " cached_tokens, reasoning_tokens, latency_ms, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @Resource(lookup = "jdbc/openassist-autocommit")
  DataSource ledger;

  public void append(RunRecord run) {
    try (Connection connection = ledger.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Usage usage = run.usage();
      insert.setString(1, run.id());
      insert.setString(2, run.organizationId());
      insert.setString(3, run.assistantId());
      insert.setString(4, run.userId());
      insert.setString(5, run.provider());
      insert.setString(6, run.model());
      insert.setBoolean(7, run.streamed());
      insert.setString(8, run.outcome().name());
      insert.setString(9, run.finishReason());
      insert.setString(10, run.errorCode());
      insert.setLong(11, usage.promptTokens());
      insert.setLong(12, usage.completionTokens());
      insert.setLong(13, usage.totalTokens());
      setLong(insert, 14, usage.cachedTokens());
      setLong(insert, 15, usage.reasoningTokens());
      insert.setLong(16, run.latencyMs());
      insert.setObject(17, OffsetDateTime.ofInstant(run.createdAt(), ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not append run record " + run.id(), e);
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
