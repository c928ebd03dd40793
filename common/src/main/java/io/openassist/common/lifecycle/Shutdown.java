package io.openassist.common.lifecycle;

import io.openassist.common.error.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Graceful shutdown. When the JVM is asked to stop (SIGTERM: a pod deleted, {@code server stop}),
 * Liberty's quiesce stops taking connections and lets requests in flight finish, for at most 30 s.
 * Streams, which could run for minutes, are given {@code openassist.shutdown.grace} (default 25 s,
 * inside Liberty's quiesce) to end by themselves; a stream still running then ends with its final
 * failure event ({@link #checkStreamMayContinue}: 503 {@code service_stopping}, which the caller
 * may retry against another replica) instead of being cut off. From the first moment of the
 * shutdown the service reports itself not ready ({@link ShutdownReadinessCheck}).
 */
@ApplicationScoped
public class Shutdown {

  private static final Logger LOG = Logger.getLogger(Shutdown.class.getName());

  @Inject
  @ConfigProperty(name = "openassist.shutdown.grace", defaultValue = "PT25S")
  Duration grace;

  private final AtomicInteger streams = new AtomicInteger();
  private final List<Runnable> whenStopping = new CopyOnWriteArrayList<>();
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
   * Starts the shutdown: runs what asked to be told ({@link #whenStopping}), then waits (at most
   * the grace period) for the open streams to end.
   */
  void begin() {
    if (!stopping) {
      stopping = true;
      deadline = System.nanoTime() + grace.toNanos();
      LOG.info(
          () -> "Shutting down: " + streams.get() + " streams open, " + grace + " for them to end");
      for (Runnable action : whenStopping) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A shutdown step failed", e);
        }
      }
    }
    while (streams.get() > 0 && System.nanoTime() < deadline + Duration.ofSeconds(2).toNanos()) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Runs {@code action} when the shutdown begins, while the server still works (data sources
   * included): background work hands back what it holds.
   */
  public void whenStopping(Runnable action) {
    whenStopping.add(action);
  }

  /** Whether the service is shutting down (it takes no new work it can refuse). */
  public boolean stopping() {
    return stopping;
  }

  /** A stream begins; close the answer when it ends. */
  public OpenStream openStream() {
    streams.incrementAndGet();
    return new OpenStream();
  }

  /**
   * Throws {@link ServiceUnavailableException} ({@code service_stopping}) once the grace period of
   * a shutdown is over: a stream calls it before each piece it passes on, and ends with its final
   * failure event.
   */
  public void checkStreamMayContinue() {
    if (stopping && System.nanoTime() >= deadline) {
      throw new ServiceUnavailableException(
          "service_stopping", "The service is shutting down; retry, another replica will answer");
    }
  }

  /** The registration of one open stream. */
  public final class OpenStream implements AutoCloseable {
    private boolean closed;

    private OpenStream() {}

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        streams.decrementAndGet();
      }
    }
  }
}
