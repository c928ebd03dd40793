package io.openassist.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings this service's schema to the version its code expects, once, when the application starts.
 *
 * <p>Every service owns one PostgreSQL schema and one Liquibase changelog ({@code
 * db/changelog/<schema>/master.xml}); the Liquibase bookkeeping tables live inside that schema, so
 * services never see each other's history. Operators who run migrations themselves set {@code
 * openassist.db.migrate-at-startup=false}; the service then only verifies that nothing is pending
 * and reports not-ready until it is.
 *
 * <p>Migrations run as the schema's owner (data source {@value #OWNER_DATA_SOURCE}); the service's
 * own work runs as its runtime role ({@value #DATA_SOURCE}), which the changelogs grant only what
 * the service needs, through the changelog parameter {@code runtime_role} (the runtime data
 * source's user). Where both are one role, the grants are skipped.
 *
 * <p>Hibernate never creates or alters the schema ({@code hibernate.hbm2ddl.auto=none}), so it does
 * not matter that the persistence unit is built before this observer runs: the first request that
 * touches the database arrives after readiness is reported.
 */
@ApplicationScoped
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /** Where the migration stands; read by the readiness check. */
  public enum State {
    PENDING,
    CURRENT,
    FAILED
  }

  /** The JNDI name of the service's data source, as configured in the shared server config. */
  static final String DATA_SOURCE = "jdbc/openassist";

  /** The JNDI name of the schema owner's data source, which migrations run on. */
  static final String OWNER_DATA_SOURCE = "jdbc/openassist-owner";

  private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private volatile DataSource dataSource;
  private volatile DataSource ownerDataSource;

  @Inject
  @ConfigProperty(name = "openassist.db.schema")
  String schema;

  @Inject
  @ConfigProperty(name = "openassist.db.migrate-at-startup", defaultValue = "true")
  boolean migrateAtStartup;

  /**
   * Migrate, then stop the server (exit 0, or 1 when the migration failed): the image's
   * migration-job mode ({@code docker/openshift/plain/migrate-job.yaml}).
   */
  @Inject
  @ConfigProperty(name = "openassist.db.migrate-only", defaultValue = "false")
  boolean migrateOnly;

  /** For CDI. */
  public SchemaMigrator() {}

  /** A migrator outside the container, on a data source of its own (tests, tools). */
  SchemaMigrator(DataSource dataSource, String schema, boolean migrateAtStartup) {
    this.dataSource = dataSource;
    this.ownerDataSource = dataSource;
    this.schema = schema;
    this.migrateAtStartup = migrateAtStartup;
  }

  private volatile State state = State.PENDING;
  private volatile String problem = "not yet checked";

  void onStartup(@Observes Startup startup) {
    if (!migrateAtStartup) {
      LOG.info(
          () ->
              "Schema migration at start-up is off; checking that schema "
                  + schema
                  + " is current");
    }
    if (migrateOnly) {
      migrate();
      int status = state == State.CURRENT ? 0 : 1;
      LOG.info(() -> "Migrate-only mode: schema " + schema + " is " + state + "; stopping");
      // Off the start-up thread: exiting runs Liberty's shutdown, which waits for the start-up.
      Thread exit = new Thread(() -> System.exit(status), "migrate-only-exit");
      exit.setDaemon(true);
      exit.start();
      return;
    }
    bringCurrent();
  }

  /**
   * Migrates (or, with migrations off, verifies) unless the schema is already known to be current.
   * Called at start-up and again by every readiness probe until it succeeds, so a database that was
   * away at start-up, or migrations an operator ran later, make the service ready without a
   * restart.
   */
  public void bringCurrent() {
    if (state == State.CURRENT) {
      return;
    }
    if (migrateAtStartup) {
      migrate();
    } else {
      verify();
    }
  }

  /**
   * Applies every changeset not yet applied to this service's schema. A schema that carries the
   * mark of a migration with this very changelog (see {@link MigrationMark}) is current without
   * Liquibase being started.
   */
  public synchronized void migrate() {
    long started = System.nanoTime();
    try (Connection connection = ownerDataSource().getConnection()) {
      String role = runtimeRole();
      Optional<MigrationMark> mark = MigrationMark.of(checkedSchema(), role, classLoader());
      if (mark.isPresent() && mark.get().isOn(connection)) {
        record(State.CURRENT, null);
        LOG.info(
            () ->
                String.format(
                    "Schema %s is current (nothing to migrate; checked in %d ms)",
                    schema, (System.nanoTime() - started) / 1_000_000));
        return;
      }
      try {
        createSchemaIfMissing(connection);
        liquibase(connection, role).update(new Contexts(), new LabelExpression());
        if (mark.isPresent()) {
          mark.get().putOn(connection);
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } finally {
        releaseLiquibaseScope();
      }
      record(State.CURRENT, null);
      LOG.info(
          () ->
              String.format(
                  "Schema %s is current (migrated in %d ms)",
                  schema, (System.nanoTime() - started) / 1_000_000));
    } catch (SQLException | LiquibaseException | RuntimeException e) {
      record(State.FAILED, "migration failed; see the server log");
      LOG.log(Level.SEVERE, "Migrating schema " + schema + " failed", e);
    }
  }

  /**
   * Checks, without changing anything, that every changeset has been applied. Used when migrations
   * are run by the operator; re-run by the readiness check until the schema is current.
   */
  public synchronized void verify() {
    try (Connection connection = ownerDataSource().getConnection()) {
      if (!changelogTableExists(connection)) {
        record(State.PENDING, "schema " + schema + " has not been migrated yet");
        return;
      }
      String role = runtimeRole();
      Optional<MigrationMark> mark = MigrationMark.of(checkedSchema(), role, classLoader());
      if (mark.isPresent() && mark.get().isOn(connection)) {
        record(State.CURRENT, null);
        return;
      }
      try {
        List<ChangeSet> pending =
            liquibase(connection, role).listUnrunChangeSets(new Contexts(), new LabelExpression());
        if (pending.isEmpty()) {
          record(State.CURRENT, null);
        } else {
          record(State.PENDING, pending.size() + " changeset(s) not yet applied");
        }
      } finally {
        releaseLiquibaseScope();
      }
    } catch (SQLException | LiquibaseException | RuntimeException e) {
      record(State.FAILED, "cannot read the migration state; see the server log");
      LOG.log(Level.WARNING, "Checking the migration state of schema " + schema + " failed", e);
    }
  }

  /**
   * Liquibase keeps its scope in a static InheritableThreadLocal of its own (liquibase.Scope) and
   * never removes it: left on a pooled Liberty thread (and copied into every thread that thread
   * starts), it holds this application's class loader, its SessionFactory included, after undeploy.
   */
  private static void releaseLiquibaseScope() {
    // Scope.setScopeManager(null) is no substitute: Scope's childValue() then throws an NPE in
    // every thread this thread starts. Only remove() drops the entry.
    try {
      java.lang.reflect.Field field = liquibase.Scope.class.getDeclaredField("scopeManager");
      field.setAccessible(true);
      ((ThreadLocal<?>) field.get(null)).remove();
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not release Liquibase's thread-local scope", e);
    }
  }

  /**
   * The service's data source, looked up rather than injected: resource injection does not reach
   * beans that live in a library jar of the WAR.
   */
  public DataSource dataSource() {
    DataSource found = dataSource;
    if (found == null) {
      found = lookup(DATA_SOURCE);
      dataSource = found;
    }
    return found;
  }

  /** The schema owner's data source, for migrations. */
  DataSource ownerDataSource() {
    DataSource found = ownerDataSource;
    if (found == null) {
      found = lookup(OWNER_DATA_SOURCE);
      ownerDataSource = found;
    }
    return found;
  }

  private static DataSource lookup(String name) {
    try {
      return InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("No data source at " + name, e);
    }
  }

  /** The role the service runs as: the runtime data source's user, a plain identifier. */
  private String runtimeRole() throws SQLException {
    String role;
    try (Connection connection = dataSource().getConnection()) {
      role = connection.getMetaData().getUserName();
    }
    if (role == null || !ROLE_NAME.matcher(role).matches()) {
      throw new IllegalStateException("The runtime database user is not a plain role name");
    }
    return role;
  }

  public State state() {
    return state;
  }

  public String problem() {
    return problem;
  }

  public String schema() {
    return schema;
  }

  private void record(State newState, String newProblem) {
    problem = newProblem;
    state = newState;
  }

  /**
   * Liquibase on the connection, with the changelog parameters set: they are part of what the
   * changesets' checksums are computed from, so verifying needs them as much as migrating.
   */
  private Liquibase liquibase(Connection connection, String runtimeRole) throws LiquibaseException {
    Database database =
        DatabaseFactory.getInstance()
            .findCorrectDatabaseImplementation(new JdbcConnection(connection));
    database.setDefaultSchemaName(checkedSchema());
    database.setLiquibaseSchemaName(checkedSchema());
    Liquibase liquibase =
        new Liquibase(
            "db/changelog/" + checkedSchema() + "/master.xml",
            new ClassLoaderResourceAccessor(classLoader()),
            database);
    liquibase.setChangeLogParameter("runtime_role", runtimeRole);
    return liquibase;
  }

  private static ClassLoader classLoader() {
    return SchemaMigrator.class.getClassLoader();
  }

  private void createSchemaIfMissing(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + checkedSchema());
    }
  }

  /** Whether Liquibase has ever run here; checked without writing, unlike Liquibase's own check. */
  private boolean changelogTableExists(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, checkedSchema(), "databasechangelog", null)) {
      return tables.next();
    }
  }

  /** The configured schema name, refused unless it is a plain identifier safe to put in DDL. */
  private String checkedSchema() {
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new IllegalStateException("openassist.db.schema is not a plain schema name: " + schema);
    }
    return schema;
  }
}
