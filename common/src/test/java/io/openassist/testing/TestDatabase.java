package io.openassist.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct access to the test database, so that tests can assert on rows (what an acknowledged write
 * stored, that a rejected request stored nothing) rather than only on what the API answers.
 */
public final class TestDatabase {

  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        ServiceUnderTest.required("it.db.url"),
        ServiceUnderTest.required("it.db.user"),
        ServiceUnderTest.required("it.db.password"));
  }

  /** A connection as the services' runtime role, which has only the privileges it was granted. */
  public static Connection connectAsRuntimeRole() throws SQLException {
    return DriverManager.getConnection(
        ServiceUnderTest.required("it.db.url"),
        ServiceUnderTest.required("it.db.app.user"),
        ServiceUnderTest.required("it.db.app.password"));
  }

  /** The single number a {@code SELECT count(*) ...} (or any one-value query) answers. */
  public static long count(String sql, Object... parameters) {
    Object value = value(sql, parameters);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** The first column of the first row, or null when there is no row. */
  public static Object value(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + sql, e);
    }
  }

  public static int execute(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Statement failed: " + sql, e);
    }
  }

  /**
   * Every row of every table of a schema (but Liquibase's) as text, to compare before and after a
   * request that must change nothing. {@code last_used_at} is left out: a key's use is recorded.
   */
  public static String snapshotSchema(String schema) {
    StringBuilder snapshot = new StringBuilder();
    try (Connection connection = connect();
        PreparedStatement tables =
            connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " AND table_name NOT LIKE 'databasechangelog%' ORDER BY table_name")) {
      tables.setString(1, schema);
      try (ResultSet names = tables.executeQuery()) {
        while (names.next()) {
          String table = schema + "." + names.getString(1);
          snapshot
              .append(table)
              .append(": ")
              .append(
                  value(
                      "SELECT string_agg(r, ',' ORDER BY r) FROM"
                          + " (SELECT (to_jsonb(t) - 'last_used_at')::text AS r FROM "
                          + table
                          + " t) rows"))
              .append('\n');
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Snapshot of " + schema + " failed", e);
    }
    return snapshot.toString();
  }
}
