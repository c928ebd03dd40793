package io.openassist.conversation.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The Idempotency-Key records, each statement committed at once (outside any transaction of the
 * request, so that a second request sees the first one's claim while it is still running). A key is
 * scoped to organisation and caller, kept for {@link #KEPT} and then free again; a claim older than
 * {@link #ABANDONED} whose request never completed (the server stopped) may be taken over.
 */
@ApplicationScoped
public class JdbcIdempotencyKeys {

  public static final Duration KEPT = Duration.ofHours(24);
  static final Duration ABANDONED = Duration.ofMinutes(10);

  @Resource(lookup = "jdbc/openassist")
  DataSource dataSource;

  /** What a claim found. */
  public sealed interface Claim {
    /** The key is this request's now: go on, then {@link #complete}. */
    record Claimed() implements Claim {}

    /** The same request completed before: its answer. */
    record Completed(int status, String contentType, String body) implements Claim {}

    /** The key was used for a different request. */
    record Mismatch() implements Claim {}

    /** The first request with this key is still running. */
    record InFlight() implements Claim {}
  }

  public Claim claim(String organizationId, String callerId, String key, String requestHash) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      // A key past its time is free again; an abandoned claim may be taken over.
      try (PreparedStatement stale =
          connection.prepareStatement(
              "DELETE FROM idempotency_key WHERE organization_id = ? AND caller_id = ? AND key = ?"
                  + " AND (created_at < now() - ?::interval"
                  + " OR (completed_at IS NULL AND created_at < now() - ?::interval))")) {
        stale.setString(1, organizationId);
        stale.setString(2, callerId);
        stale.setString(3, key);
        stale.setString(4, KEPT.toSeconds() + " seconds");
        stale.setString(5, ABANDONED.toSeconds() + " seconds");
        stale.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO idempotency_key (organization_id, caller_id, key, request_hash,"
                  + " created_at) VALUES (?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
        insert.setString(1, organizationId);
        insert.setString(2, callerId);
        insert.setString(3, key);
        insert.setString(4, requestHash);
        if (insert.executeUpdate() == 1) {
          return new Claim.Claimed();
        }
      }
      try (PreparedStatement existing =
          connection.prepareStatement(
              "SELECT request_hash, response_status, response_type, response_body"
                  + " FROM idempotency_key WHERE organization_id = ? AND caller_id = ? AND key = ?")) {
        existing.setString(1, organizationId);
        existing.setString(2, callerId);
        existing.setString(3, key);
        try (ResultSet row = existing.executeQuery()) {
          if (!row.next()) {
            return new Claim.InFlight(); // expired between our insert and this read: retry later
          }
          if (!row.getString(1).equals(requestHash)) {
            return new Claim.Mismatch();
          }
          int status = row.getInt(2);
          return row.wasNull()
              ? new Claim.InFlight()
              : new Claim.Completed(status, row.getString(3), row.getString(4));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Idempotency key could not be claimed", e);
    }
  }

  public void complete(
      String organizationId,
      String callerId,
      String key,
      int status,
      String contentType,
      String body) {
    update(
        "UPDATE idempotency_key SET response_status = ?, response_type = ?, response_body = ?,"
            + " completed_at = now() WHERE organization_id = ? AND caller_id = ? AND key = ?",
        statement -> {
          statement.setInt(1, status);
          statement.setString(2, contentType);
          statement.setString(3, body);
          statement.setString(4, organizationId);
          statement.setString(5, callerId);
          statement.setString(6, key);
        });
  }

  /** Removes the keys past their time; returns how many. */
  public int purgeExpired() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < now() - ?::interval")) {
      connection.setAutoCommit(true);
      statement.setString(1, KEPT.toSeconds() + " seconds");
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Expired idempotency keys could not be removed", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      connection.setAutoCommit(true);
      binder.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Idempotency key could not be recorded", e);
    }
  }
}
