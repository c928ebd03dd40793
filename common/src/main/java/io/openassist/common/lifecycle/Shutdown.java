package io.openassist.common.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Graceful shutdown. SIGTERM (a pod deleted, {@code docker stop}) runs the JVM's shutdown hooks,
 * ours beside Liberty's, whose quiesce stops taking connections and lets requests in flight finish
 * for at most 30 s. From the first moment the service reports itself not ready ({@link
 * ShutdownReadinessCheck}) and background work hands back what it holds ({@link #whenStopping}).
 * Streams, which could run for minutes, get {@code openassist.shutdown.grace} (default 25 s, inside
 * Liberty's quiesce) to end by themselves; a stream that goes on past it ends with its final
 * failure event (503 {@value #STOPPING_CODE}, which the caller may retry against another replica),
 * because its upstream read is broken off then ({@link #openStream(Runnable)}), whether the vendor
 * is still sending or has gone silent.
 */
@ApplicationScoped
public class Shutdown {

  private static final Logger LOG = Logger.getLogger(Shutdown.class.getName());
  private static final long AFTER_ABORT_NANOS = Duration.ofSeconds(2).toNanos();

  /** What a stream broken off by the shutdown ends with: 503 and this code and detail. */
  public static final String STOPPING_CODE = "service_stopping";

  public static final String STOPPING_DETAIL =
      "The service is shutting down; retry, another replica will answer";

  @Inject
  @ConfigProperty(name = "openassist.shutdown.grace", defaultValue = "PT25S")
  Duration grace;

  private final Set<OpenStream> streams = ConcurrentHashMap.newKeySet();
  private final List<Runnable> whenStopping = new CopyOnWriteArrayList<>();
  private final AtomicBoolean begun = new AtomicBoolean();
  private final CountDownLatch stepsDone = new CountDownLatch(1);
  private volatile long deadline = Long.MAX_VALUE;
  private volatile boolean stopping;
  private Thread hook;

  void atStart(@Observes Startup startup) {
    hook = new Thread(this::begin, "openassist-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  void atStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    // The application stops (after Liberty's quiesce, or redeployed): no hook of ours may stay.
    begin();
    try {
      if (hook != null && !hook.isAlive()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (IllegalStateException alreadyShuttingDown) {
      // the JVM runs the hooks already
    }
  }

  /**
   * Starts the shutdown, once: runs the {@link #whenStopping} steps, then waits (at most the grace
   * period) for the open streams to end, aborts those that have not, and waits a little for them to
   * write their last event. A second caller waits for the same.
   */
  void begin() {
    if (begun.compareAndSet(false, true)) {
      deadline = System.nanoTime() + grace.toNanos();
      stopping = true;
      LOG.info(
          () ->
              "Shutting down: " + streams.size() + " streams open, " + grace + " for them to end");
      for (Runnable step : whenStopping) {
        try {
          step.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A shutdown step failed", e);
        }
      }
      stepsDone.countDown();
    } else {
      try {
        stepsDone.await(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (!awaitStreams(deadline)) {
      for (OpenStream stream : streams) {
        stream.abort();
      }
      awaitStreams(deadline + AFTER_ABORT_NANOS);
    }
  }

  private boolean awaitStreams(long until) {
    while (!streams.isEmpty()) {
      if (System.nanoTime() >= until) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /**
   * Runs {@code step} when the shutdown begins, while the server still works (data sources
   * included): background work hands back what it holds.
   */
  public void whenStopping(Runnable step) {
    whenStopping.add(step);
  }

  /** Whether the service is shutting down (it takes no new work it can refuse). */
  public boolean stopping() {
    return stopping;
  }

  /** Whether the shutdown's grace period is over. */
  public boolean pastGrace() {
    return stopping && System.nanoTime() >= deadline;
  }

  /** A stream begins; close the answer when it ends. */
  public OpenStream openStream() {
    return openStream(null);
  }

  /**
   * A stream begins whose blocked read {@code abort} breaks off (closing its upstream), run if the
   * stream is still open when the grace period is over; close the answer when it ends.
   */
  public OpenStream openStream(Runnable abort) {
    OpenStream stream = new OpenStream(abort);
    streams.add(stream);
    return stream;
  }

  /** The registration of one open stream. */
  public final class OpenStream implements AutoCloseable {
    private final Runnable abort;

    private OpenStream(Runnable abort) {
      this.abort = abort;
    }

    void abort() {
      if (abort != null) {
        try {
          abort.run();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "aborting a stream failed", e);
        }
      }
    }

    @Override
    public void close() {
      streams.remove(this);
    }
  }
}
