package io.openassist.file.infrastructure;

import io.openassist.file.application.FileProcessing;
import io.openassist.file.application.FileStorage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The file-service's background duties: at start and every {@code openassist.files.processing-poll}
 * (10 s) it wakes processing, so that work left pending by a restart, a crash or another replica is
 * picked up; every {@code openassist.files.sweep-interval} (1 h) it removes stored bytes that no
 * file row names and unfinished writes, once they are older than {@code
 * openassist.files.sweep-grace} (1 h: longer than any upload takes to commit).
 */
@ApplicationScoped
public class FileMaintenance {

  private static final Logger LOG = Logger.getLogger(FileMaintenance.class.getName());
  private static final int BATCH = 500;

  @Inject FileProcessing processing;
  @Inject FileStorage storage;
  @Inject JpaFileRepository files;
  @Inject FileMetrics metrics;
  private final java.util.concurrent.atomic.AtomicBoolean backlogWarned =
      new java.util.concurrent.atomic.AtomicBoolean();

  @Inject
  @ConfigProperty(name = "openassist.files.processing-poll", defaultValue = "PT10S")
  Duration poll;

  @Inject
  @ConfigProperty(name = "openassist.files.sweep-interval", defaultValue = "PT1H")
  Duration sweepInterval;

  @Inject
  @ConfigProperty(name = "openassist.files.sweep-grace", defaultValue = "PT1H")
  Duration sweepGrace;

  Clock clock = Clock.systemUTC();
  private ScheduledExecutorService scheduler;

  void start(@Observes Startup startup) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "openassist-file-maintenance");
              thread.setDaemon(true);
              return thread;
            });
    long pollEvery = Math.max(1, poll.toMillis());
    scheduler.scheduleWithFixedDelay(this::poll, pollEvery, pollEvery, TimeUnit.MILLISECONDS);
    long sweepEvery = Math.max(1, sweepInterval.toMillis());
    scheduler.scheduleWithFixedDelay(this::sweep, sweepEvery, sweepEvery, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  /** Wakes the processing workers, and counts the backlog for the metrics. */
  void poll() {
    try {
      metrics.backlog(files.backlog());
    } catch (RuntimeException e) {
      if (backlogWarned.compareAndSet(false, true)) {
        LOG.log(Level.WARNING, "The processing backlog cannot be counted; its metric is stale", e);
      }
    }
    processing.wake();
  }

  /** One sweep: orphaned objects and abandoned writes older than the grace period. */
  public void sweep() {
    Instant before = clock.instant().minus(sweepGrace);
    try {
      int abandoned = storage.abandonIncomplete(before);
      int orphans = 0;
      List<String> batch = new ArrayList<>();
      try (Stream<FileStorage.StoredObject> objects = storage.list("")) {
        for (FileStorage.StoredObject o : (Iterable<FileStorage.StoredObject>) objects::iterator) {
          if (o.modified().isBefore(before)) {
            batch.add(o.key());
          }
          if (batch.size() == BATCH) {
            orphans += removeOrphans(batch);
            batch.clear();
          }
        }
      }
      orphans += removeOrphans(batch);
      if (abandoned > 0 || orphans > 0) {
        LOG.info(
            "File sweep removed "
                + orphans
                + " orphaned object(s) and "
                + abandoned
                + " unfinished write(s)");
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "The file sweep failed; it runs again in " + sweepInterval, e);
    }
  }

  private int removeOrphans(List<String> keys) throws java.io.IOException {
    Set<String> known = new HashSet<>(files.knownKeys(keys));
    int removed = 0;
    for (String key : keys) {
      if (!known.contains(key)) {
        storage.delete(key);
        removed++;
      }
    }
    return removed;
  }
}
