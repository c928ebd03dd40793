package io.openassist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the real assistant-service next to the service under test, for tests of what goes between
 * services (credential resolution, permission checks): a Liberty server {@value #SERVER} on port
 * {@value #PORT}, configured like assistant-service's own test server and running its packaged WAR,
 * against the same test database. Started once per test run, stopped when the run ends.
 */
public final class AssistantServiceCompanion implements BeforeAllCallback {

  public static final String SERVER = "assistant-service-companion";
  public static final int PORT = 19091;

  /**
   * The port the services under test reach the companion on: a {@link FaultyProxy} in front of it,
   * so that a test can make assistant-service down or slow.
   */
  public static final int PROXY_PORT = 19090;

  private static volatile FaultyProxy proxy;
  private static final Set<String> NOT_COPIED = Set.of("logs", "workarea", "dropins", "apps");

  /** The proxy between the service under test and the companion. */
  public static FaultyProxy proxy() {
    return proxy;
  }

  /** A client of the companion assistant-service. */
  public static HttpApi api() {
    return new HttpApi("http://localhost:" + PORT);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SERVER, key -> start(), Running.class);
  }

  /** The started server; JUnit closes it when the whole run ends. */
  private record Running(Path wlp) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException, InterruptedException {
      proxy.close();
      run(wlp, "stop");
    }
  }

  private static Running start() {
    Path wlp = Path.of(ServiceUnderTest.required("it.wlp.home"));
    Path template = wlp.resolve("usr/servers/assistant-service-it");
    Path war = Path.of(ServiceUnderTest.required("it.companion.war"));
    if (!Files.isRegularFile(template.resolve("server.xml")) || !Files.isRegularFile(war)) {
      throw new IllegalStateException(
          "Build assistant-service (mvn install, or mvn verify from the root) before these tests");
    }
    Path server = wlp.resolve("usr/servers/" + SERVER);
    try {
      run(wlp, "stop");
      deleteRecursively(server);
      copy(template, server);
      Path bootstrap = server.resolve("bootstrap.properties");
      List<String> properties =
          Files.readAllLines(bootstrap).stream()
              .map(line -> line.startsWith("http.port=") ? "http.port=" + PORT : line)
              .toList();
      Files.write(bootstrap, properties);
      // server.xml names the WAR (webApplication service.war) in apps/.
      Files.createDirectories(server.resolve("apps"));
      Files.copy(war, server.resolve("apps").resolve(war.getFileName()));
      LibertyServers.start(SERVER, PORT);
      proxy = new FaultyProxy(PROXY_PORT, PORT);
      return new Running(wlp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the companion as an orchestrator does (SIGTERM); answers how long it took. */
  public static java.time.Duration stopGracefully() throws IOException, InterruptedException {
    return LibertyServers.sigterm(SERVER);
  }

  /** Starts the companion again after {@link #stopGracefully}, and waits until it is ready. */
  public static void startAgain() throws IOException, InterruptedException {
    LibertyServers.start(SERVER, PORT);
  }

  private static void run(Path wlp, String action) throws IOException, InterruptedException {
    LibertyServers.run(action, SERVER);
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
