package io.openassist.file.application;

import io.openassist.common.lifecycle.Shutdown;
import io.openassist.file.domain.Chunk;
import io.openassist.file.domain.Chunker;
import io.openassist.file.domain.KnowledgeFile;
import io.openassist.file.infrastructure.JdbcChunkRepository;
import io.openassist.file.infrastructure.JpaFileRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Processes uploaded files in the background: extracts their text, splits it into chunks and
 * indexes them, moving each file {@code pending} → {@code processing} → {@code ready} (or {@code
 * failed}, with the reason). Work is claimed from the database, so it survives a restart and is
 * shared by replicas; at most {@code openassist.files.processing-workers} (2) files are processed
 * at once here, on the server's managed executor. A file whose processing never finished (its
 * worker died) is claimed again after {@code openassist.files.processing-timeout}; one that has
 * failed that way {@value #MAX_ATTEMPTS} times fails for good, alone.
 */
@ApplicationScoped
public class FileProcessing {

  private static final Logger LOG = Logger.getLogger(FileProcessing.class.getName());
  static final int MAX_ATTEMPTS = 3;

  @Resource(lookup = "concurrent/fileProcessing")
  ManagedExecutorService executor;

  @Inject JpaFileRepository files;
  @Inject JdbcChunkRepository chunks;
  @Inject FileStorage storage;
  @Inject TextExtractor extractor;

  @Inject
  @ConfigProperty(name = "openassist.files.processing-workers", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "openassist.files.processing-timeout", defaultValue = "PT10M")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "openassist.files.chunk-size", defaultValue = "1200")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "openassist.files.chunk-overlap", defaultValue = "200")
  int chunkOverlap;

  @Inject Shutdown shutdown;

  Clock clock = Clock.systemUTC();
  private Semaphore running;
  private final Set<JpaFileRepository.Claim> inProgress = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  void atStart(@Observes Startup startup) {
    shutdown.whenStopping(this::stop);
  }

  /**
   * The service shuts down: no more claims, and the files being processed go back to waiting (their
   * attempt not counted), so that the next start, or another replica, takes them at once instead of
   * after the processing timeout. A worker that still finishes one records it as usual.
   */
  void stop() {
    stopping = true;
    for (JpaFileRepository.Claim claim : inProgress) {
      release(claim);
    }
  }

  private void release(JpaFileRepository.Claim claim) {
    try {
      files.release(claim, clock.instant());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not hand back file " + claim.fileId() + "; it is claimed again later",
          e);
    }
  }

  private synchronized Semaphore running() {
    if (running == null) {
      running = new Semaphore(Math.max(1, workers));
    }
    return running;
  }

  /** Starts a worker, if fewer than the maximum are running, to drain what waits. */
  public void wake() {
    if (stopping) {
      return;
    }
    Semaphore slots = running();
    if (!slots.tryAcquire()) {
      return; // the running workers will get to it
    }
    try {
      executor.execute(
          () -> {
            try {
              drain();
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release();
      LOG.log(Level.WARNING, "File processing could not start now; the next poll retries", e);
    }
  }

  /** Processes files until none waits. */
  void drain() {
    while (!stopping) {
      Optional<JpaFileRepository.Claim> claimed;
      try {
        Instant now = clock.instant();
        claimed = files.claimNext(now, now.minus(timeout));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not claim a file to process; the next poll retries", e);
        return;
      }
      if (claimed.isEmpty()) {
        return;
      }
      JpaFileRepository.Claim claim = claimed.get();
      inProgress.add(claim);
      try {
        if (stopping) { // the shutdown began between the claim and now: hand it back here
          release(claim);
          return;
        }
        process(claim.fileId(), claim.attempts());
      } finally {
        inProgress.remove(claim);
      }
    }
  }

  private void process(String fileId, int attempts) {
    Optional<KnowledgeFile> found = files.byId(fileId);
    if (found.isEmpty()) {
      return; // deleted since it was claimed
    }
    KnowledgeFile file = found.get();
    if (attempts > MAX_ATTEMPTS) {
      fail(file, "processing did not finish in " + MAX_ATTEMPTS + " attempts");
      return;
    }
    String text;
    try (InputStream bytes = storage.read(file.storageKey(), 0, file.size())) {
      text = extractor.extract(bytes, file.mimeType(), file.originalName());
    } catch (TextExtractor.ExtractionFailed e) {
      fail(file, e.getMessage());
      return;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      // A file that crashes the extractor fails alone; the worker goes on with the next.
      LOG.log(Level.WARNING, "Extracting the text of file " + fileId + " failed", e);
      fail(file, "the text could not be extracted (" + e.getClass().getSimpleName() + ")");
      return;
    }
    try {
      List<Chunk> split = new Chunker(chunkSize, chunkOverlap).split(text);
      chunks.storeAndFinish(file, text, split, clock.instant());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Indexing file " + fileId + " failed", e);
      fail(file, "the text could not be indexed");
    }
  }

  private void fail(KnowledgeFile file, String reason) {
    if (stopping) {
      return; // broken off by the shutdown, not the file's fault: it was handed back
    }
    try {
      files.finish(file.id(), "failed", reason, List.of(), clock.instant());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record that file " + file.id() + " failed", e);
    }
  }
}
