package io.openassist.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starting and stopping the test run's Liberty servers the way an orchestrator does: SIGTERM to the
 * server's JVM (a container's PID 1), and {@code server start} again; for the tests of graceful
 * shutdown; and a second server of a service, configured like its test server but otherwise.
 */
public final class LibertyServers {

  private static final Set<String> NOT_COPIED =
      Set.of("logs", "workarea", "dropins", "apps", "files", "tranlog");

  private LibertyServers() {}

  /**
   * Creates (or recreates) {@code server} as a copy of the configuration of the test server {@code
   * template} (not its logs, work area or applications), listening on {@code port} and running
   * {@code war}; stops it first if it runs. Answers the new server's directory, where a test may
   * add configuration (a file in {@code configDropins/overrides}) before starting it.
   */
  public static Path createFrom(String template, String server, int port, Path war)
      throws IOException, InterruptedException {
    Path from = wlp().resolve("usr/servers/" + template);
    if (!Files.isRegularFile(from.resolve("server.xml")) || !Files.isRegularFile(war)) {
      throw new IllegalStateException(
          "Build " + template + " (mvn install, or mvn verify from the root) before these tests");
    }
    Path to = wlp().resolve("usr/servers/" + server);
    run("stop", server);
    deleteRecursively(to);
    copy(from, to);
    Path bootstrap = to.resolve("bootstrap.properties");
    List<String> properties =
        Files.readAllLines(bootstrap).stream()
            .map(line -> line.startsWith("http.port=") ? "http.port=" + port : line)
            .toList();
    Files.write(bootstrap, properties);
    // server.xml names the WAR (webApplication service.war) in apps/.
    Files.createDirectories(to.resolve("apps"));
    Files.copy(war, to.resolve("apps").resolve(war.getFileName()));
    return to;
  }

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

  /**
   * {@code server <action> <server>}, waiting for the command to finish; answers its exit status
   * ({@code status}: 0 while the server runs).
   */
  public static int run(String action, String server) throws IOException, InterruptedException {
    return new ProcessBuilder(wlp().resolve("bin/server").toString(), action, server)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  /** Stops the server and fails unless it no longer runs afterwards. */
  public static void stop(String server) throws IOException, InterruptedException {
    run("stop", server);
    if (run("status", server) == 0) {
      throw new IllegalStateException(server + " still runs after server stop");
    }
  }

  /** Starts the server and waits until {@code /health/ready} on {@code port} answers 200. */
  public static void start(String server, int port) throws IOException, InterruptedException {
    run("start", server);
    ServiceUnderTest.awaitReady("http://localhost:" + port);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(source);
        if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
