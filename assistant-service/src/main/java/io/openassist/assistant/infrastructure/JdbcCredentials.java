package io.openassist.assistant.infrastructure;

import io.openassist.assistant.domain.ApiKey;
import io.openassist.assistant.domain.Role;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The authentication hot path's one read: an API key by its lookup prefix with its user's role, in
 * one autocommitted statement through the autocommit data source, outside JTA and the persistence
 * context. It runs before every request of assistant-service, where a transaction begin and commit
 * around this read cost more than the read itself.
 */
@ApplicationScoped
public class JdbcCredentials {

  static final String BY_LOOKUP_PREFIX =
      "SELECT k.id, k.organization_id, k.user_id, k.lookup_prefix, k.secret_hash, k.last_used_at,"
          + " k.expires_at, k.revoked_at, u.role FROM api_key k JOIN app_user u"
          + " ON u.id = k.user_id AND u.organization_id = k.organization_id"
          + " WHERE k.lookup_prefix = ?";

  /** A stored key and whether its user is an admin of the key's organisation. */
  public record StoredCredential(ApiKey key, boolean admin) {}

  @Resource(lookup = "jdbc/openassist-autocommit")
  DataSource autocommit;

  public Optional<StoredCredential> byLookupPrefix(String lookupPrefix) {
    try (Connection connection = autocommit.getConnection();
        PreparedStatement select = connection.prepareStatement(BY_LOOKUP_PREFIX)) {
      select.setString(1, lookupPrefix);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        ApiKey key =
            ApiKey.stored(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                instant(row, 6),
                instant(row, 7),
                instant(row, 8));
        return Optional.of(new StoredCredential(key, Role.ADMIN.name().equals(row.getString(9))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the API key", e);
    }
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
