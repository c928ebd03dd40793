package io.openassist.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrator on a real PostgreSQL, both ways an operator can run it: migrating at start-up, and
 * with migrations off, where it only verifies (and must write nothing). Uses the {@code file}
 * schema of the test database, which the file-service tests migrate again afterwards.
 */
class SchemaMigratorIT {

  private static final String SCHEMA = "file";

  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  @BeforeEach
  void withoutTheSchema() throws SQLException {
    dataSource.setURL(System.getProperty("it.db.url"));
    dataSource.setUser(System.getProperty("it.db.user"));
    dataSource.setPassword(System.getProperty("it.db.password"));
    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void withMigrationsOffAnUnmigratedSchemaIsPendingAndNothingIsWritten() throws SQLException {
    SchemaMigrator migrator = new SchemaMigrator(dataSource, SCHEMA, false);
    migrator.verify();
    assertEquals(SchemaMigrator.State.PENDING, migrator.state());
    assertEquals("schema file has not been migrated yet", migrator.problem());
    assertFalse(schemaExists(), "verifying created nothing");
  }

  @Test
  void migratingAppliesEveryChangesetOnceAndVerifyingThenAgrees() throws SQLException {
    SchemaMigrator migrator = new SchemaMigrator(dataSource, SCHEMA, true);
    migrator.migrate();
    assertEquals(SchemaMigrator.State.CURRENT, migrator.state());
    long applied = count("SELECT count(*) FROM " + SCHEMA + ".databasechangelog");
    assertTrue(applied > 0);

    migrator.migrate();
    assertEquals(applied, count("SELECT count(*) FROM " + SCHEMA + ".databasechangelog"));

    SchemaMigrator verifier = new SchemaMigrator(dataSource, SCHEMA, false);
    verifier.verify();
    assertEquals(SchemaMigrator.State.CURRENT, verifier.state());
  }

  @Test
  void withMigrationsOffAPartlyMigratedSchemaIsPending() throws SQLException {
    new SchemaMigrator(dataSource, SCHEMA, true).migrate();
    execute("DELETE FROM " + SCHEMA + ".databasechangelog");
    SchemaMigrator verifier = new SchemaMigrator(dataSource, SCHEMA, false);
    verifier.verify();
    assertEquals(SchemaMigrator.State.PENDING, verifier.state());
    assertTrue(verifier.problem().endsWith("not yet applied"), verifier.problem());
    execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    new SchemaMigrator(dataSource, SCHEMA, true).migrate();
  }

  @Test
  void aSchemaMarkedAsMigratedWithThisChangelogIsCurrentWithoutLiquibaseUntilTheMarkGoesStale()
      throws SQLException {
    new SchemaMigrator(dataSource, SCHEMA, true).migrate();
    long applied = count("SELECT count(*) FROM " + SCHEMA + ".databasechangelog");
    assertTrue(
        mark().matches("openassist-migrated fingerprint=[0-9a-f]{64} changesets=" + applied),
        mark());

    // A runOnChange changeset whose recorded checksum differs: Liquibase would run it again and
    // record the real checksum. Left as it is, it shows that Liquibase did not run.
    execute(
        "UPDATE " + SCHEMA + ".databasechangelog SET md5sum = '9:0' WHERE id = '002-runtime-role'");
    SchemaMigrator restarted = new SchemaMigrator(dataSource, SCHEMA, true);
    restarted.migrate();
    assertEquals(SchemaMigrator.State.CURRENT, restarted.state());
    assertEquals("9:0", checksumOf("002-runtime-role"), "the mark was trusted");
    SchemaMigrator verifier = new SchemaMigrator(dataSource, SCHEMA, false);
    verifier.verify();
    assertEquals(SchemaMigrator.State.CURRENT, verifier.state());

    // The mark of another changelog: Liquibase decides again, and the mark is renewed.
    String stale = "openassist-migrated fingerprint=" + "0".repeat(64) + " changesets=" + applied;
    execute("COMMENT ON TABLE " + SCHEMA + ".databasechangelog IS '" + stale + "'");
    SchemaMigrator migrator = new SchemaMigrator(dataSource, SCHEMA, true);
    migrator.migrate();
    assertEquals(SchemaMigrator.State.CURRENT, migrator.state());
    assertNotEquals("9:0", checksumOf("002-runtime-role"), "Liquibase ran the changeset again");
    assertNotEquals(stale, mark());
    assertTrue(mark().endsWith(" changesets=" + applied), mark());
  }

  @Test
  void theMarkBelongsToTheChangelogAndTheRuntimeRoleItWasMigratedFor() throws SQLException {
    new SchemaMigrator(dataSource, SCHEMA, true).migrate();
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    try (Connection connection = dataSource.getConnection()) {
      String role = connection.getMetaData().getUserName();
      assertTrue(MigrationMark.of(SCHEMA, role, loader).orElseThrow().isOn(connection));
      assertFalse(MigrationMark.of(SCHEMA, "another_role", loader).orElseThrow().isOn(connection));
      String own = MigrationMark.of(SCHEMA, role, loader).orElseThrow().fingerprint();
      assertTrue(mark().contains(own), mark());
      assertNotEquals(
          own,
          MigrationMark.of("conversation", role, loader).orElseThrow().fingerprint(),
          "another schema's changelog");
    }
  }

  @Test
  void aDatabaseThatWasAwayAtStartUpIsMigratedOnTheNextAttempt() {
    String reachable = dataSource.getURL();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:1/nowhere");
    SchemaMigrator migrator = new SchemaMigrator(dataSource, SCHEMA, true);
    migrator.bringCurrent();
    assertEquals(SchemaMigrator.State.FAILED, migrator.state());

    dataSource.setURL(reachable);
    migrator.bringCurrent();
    assertEquals(SchemaMigrator.State.CURRENT, migrator.state());
  }

  @Test
  void leavesNoLiquibaseStateOnTheThreadThatMigrated() throws Exception {
    // Liquibase's scope lives in an inheritable thread-local; left on a pooled server thread it
    // kept every undeployed copy of the application (and its SessionFactory) reachable.
    java.lang.reflect.Field field = liquibase.Scope.class.getDeclaredField("scopeManager");
    field.setAccessible(true);
    ThreadLocal<?> scope = (ThreadLocal<?>) field.get(null);
    Object[] left = new Object[2];
    Thread thread =
        new Thread(
            () -> {
              new SchemaMigrator(dataSource, SCHEMA, true).migrate();
              left[0] = scope.get();
              new SchemaMigrator(dataSource, SCHEMA, false).verify();
              left[1] = scope.get();
            });
    thread.start();
    thread.join();
    assertEquals(null, left[0], "after migrate");
    assertEquals(null, left[1], "after verify");
  }

  @Test
  void refusesASchemaNameThatIsNotAPlainIdentifier() {
    SchemaMigrator migrator = new SchemaMigrator(dataSource, "file; DROP TABLE x", true);
    migrator.migrate();
    assertEquals(SchemaMigrator.State.FAILED, migrator.state());
    assertEquals("migration failed; see the server log", migrator.problem());
  }

  private String mark() throws SQLException {
    return text("SELECT obj_description('" + SCHEMA + ".databasechangelog'::regclass, 'pg_class')");
  }

  private String checksumOf(String changeset) throws SQLException {
    return text(
        "SELECT md5sum FROM " + SCHEMA + ".databasechangelog WHERE id = '" + changeset + "'");
  }

  private String text(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private boolean schemaExists() throws SQLException {
    return count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'file'") > 0;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
