package io.openassist.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starting and stopping the test run's Liberty servers the way an orchestrator does: SIGTERM to the
 * server's JVM (a container's PID 1), and {@code server start} again; for the tests of graceful
 * shutdown.
 */
public final class LibertyServers {

  private LibertyServers() {}

  private static Path wlp() {
    return Path.of(ServiceUnderTest.required("it.wlp.home"));
  }

  /** SIGTERM to the server's JVM; answers how long the JVM took to exit. */
  public static Duration sigterm(String server) throws IOException, InterruptedException {
    long pid =
        Long.parseLong(
            Files.readString(wlp().resolve("usr/servers/.pid/" + server + ".pid")).strip());
    ProcessHandle jvm =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    long started = System.nanoTime();
    jvm.destroy();
    try {
      jvm.onExit().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(server + " did not stop within 60 s after SIGTERM", e);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** {@code server <action> <server>}, waiting for the command to finish. */
  public static void run(String action, String server) throws IOException, InterruptedException {
    new ProcessBuilder(wlp().resolve("bin/server").toString(), action, server)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  /** Starts the server and waits until {@code /health/ready} on {@code port} answers 200. */
  public static void start(String server, int port) throws IOException, InterruptedException {
    run("start", server);
    ServiceUnderTest.awaitReady("http://localhost:" + port);
  }
}
