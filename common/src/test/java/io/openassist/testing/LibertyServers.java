package io.openassist.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    awaitReady(port);
  }

  static void awaitReady(int port) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The server on port " + port + " did not become ready");
  }
}
