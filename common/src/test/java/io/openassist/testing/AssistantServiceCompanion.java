package io.openassist.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
  private record Running() implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws IOException, InterruptedException {
      proxy.close();
      LibertyServers.run("stop", SERVER);
    }
  }

  private static Running start() {
    try {
      LibertyServers.createFrom(
          "assistant-service-it",
          SERVER,
          PORT,
          Path.of(ServiceUnderTest.required("it.companion.war")));
      LibertyServers.start(SERVER, PORT);
      proxy = new FaultyProxy(PROXY_PORT, PORT);
      return new Running();
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
}
