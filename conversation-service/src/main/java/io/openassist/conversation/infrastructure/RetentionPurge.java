package io.openassist.conversation.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes, for good, the conversations deleted longer ago than the retention period ({@code
 * openassist.conversation.retention}, OPENASSIST_CONVERSATION_RETENTION, 180 days), with their
 * messages, every {@code openassist.conversation.purge-interval} (an hour); and the expired
 * Idempotency-Keys. Messages are append-only for the service's runtime role, so this is the one
 * path that deletes them: as the schema owner (jdbc/openassist-owner), in a transaction that says
 * it is maintenance ({@code openassist.message_maintenance}), in batches.
 */
@ApplicationScoped
public class RetentionPurge {

  private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());
  private static final int BATCH = 200;

  @Inject
  @ConfigProperty(name = "openassist.conversation.retention", defaultValue = "P180D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "openassist.conversation.purge-interval", defaultValue = "PT1H")
  Duration interval;

  @Inject JdbcIdempotencyKeys idempotencyKeys;

  private ScheduledExecutorService scheduler;
  private DataSource owner;

  void start(@Observes Startup startup) throws NamingException {
    owner = InitialContext.doLookup("jdbc/openassist-owner");
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "openassist-retention-purge");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, interval.toMillis());
    scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** One pass: every conversation past its retention, a batch per transaction. */
  void runOnce() {
    try {
      int purged = 0;
      int batch;
      do {
        batch = purgeBatch();
        purged += batch;
      } while (batch == BATCH);
      int keys = idempotencyKeys.purgeExpired();
      if (purged > 0 || keys > 0) {
        LOG.info(
            "Retention purge removed "
                + purged
                + " deleted conversation(s) and "
                + keys
                + " expired idempotency key(s)");
      }
    } catch (RuntimeException | SQLException e) {
      LOG.log(Level.WARNING, "The retention purge failed; it runs again in " + interval, e);
    }
  }

  private int purgeBatch() throws SQLException {
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement maintenance = connection.createStatement();
          PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM conversation WHERE id IN (SELECT id FROM conversation"
                      + " WHERE deleted_at < now() - ?::interval ORDER BY deleted_at LIMIT ?"
                      + " FOR UPDATE SKIP LOCKED)")) {
        maintenance.execute("SET LOCAL openassist.message_maintenance = 'on'");
        delete.setString(1, retention.toSeconds() + " seconds");
        delete.setInt(2, BATCH);
        int purged = delete.executeUpdate();
        connection.commit();
        return purged;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
  }
}
