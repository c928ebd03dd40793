package io.openassist.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a real PostgreSQL from Maven Central's binaries for machines that have none, with the
 * project's role and databases, until it is stopped. Started by {@code db/setup-postgres.sh}; it
 * prints {@code READY} once a login as the project's role over TCP has worked.
 *
 * <p>Usage: {@code EmbeddedPostgresServer <data directory>}; settings from DB_PORT, DB_USER (the
 * owner, who migrates), DB_APP_USER and DB_APP_PASSWORD (the services' runtime role), DB_PASSWORD
 * and DB_DATABASES (comma-separated).
 */
public final class EmbeddedPostgresServer {

  private EmbeddedPostgresServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EmbeddedPostgresServer <data directory>");
      System.exit(2);
    }
    Path data = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(data);
    int port = Integer.parseInt(env("DB_PORT", "5432"));
    String user = env("DB_USER", "openassist");
    String password = env("DB_PASSWORD", "openassist");
    String appUser = env("DB_APP_USER", "openassist_app");
    String appPassword = env("DB_APP_PASSWORD", "openassist_app");
    String[] databases = env("DB_DATABASES", "openassist,openassist_test").split(",");

    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(data.toFile())
            .setCleanDataDirectory(false)
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                  } catch (Exception e) {
                    System.err.println("stopping PostgreSQL failed: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                }));

    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      createRole(admin, user, password);
      if (!appUser.equals(user)) {
        createRole(admin, appUser, appPassword);
      }
      for (String database : databases) {
        if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
          try (Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
          }
        }
      }
    }
    for (String database : databases) {
      DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password)
          .close();
      DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + port + "/" + database, appUser, appPassword)
          .close();
    }
    System.out.println("READY embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + data);
    System.out.flush();
    stopped.await();
  }

  private static void createRole(Connection admin, String role, String password)
      throws SQLException {
    if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      try (Statement s = admin.createStatement()) {
        s.execute(
            "CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
      }
    }
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
