package io.openassist.assistant.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A streamed run against a local HTTP server playing assistant-service: a stream that goes quiet is
 * cut off as a timeout, and an event that cannot be read fails the run instead of escaping.
 */
class AssistantRunStreamsTest {

  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile String events;

  @BeforeEach
  void assistantService() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/assistants/asst_1/run",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(events.getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(10, TimeUnit.SECONDS); // then silence
          } catch (Exception ignored) {
            // the client went away
          }
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private AssistantRunStreams streams(long idleTimeoutMillis) {
    AssistantRunStreams streams = new AssistantRunStreams();
    streams.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    streams.idleTimeoutMillis = idleTimeoutMillis;
    return streams;
  }

  private static RunCall call() {
    return new RunCall(List.of(), null, null);
  }

  @Test
  void aStreamThatGoesQuietIsCutOffAsATimeout() throws Exception {
    events = "event: run.created\ndata: {\"id\": \"run_1\"}\n\n";
    try (AssistantRunStreams.RunStream stream = streams(300).open("key", "asst_1", call())) {
      assertEquals("run.created", stream.next().name());
      long started = System.nanoTime();
      RunFailedException quiet = assertThrows(RunFailedException.class, stream::next);
      assertEquals(504, quiet.status());
      assertEquals("assistant_service_timeout", quiet.code());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
    }
  }

  @Test
  void anEventThatCannotBeReadFailsTheRun() throws Exception {
    events = "event: run.completed\ndata: {not json\n\n";
    try (AssistantRunStreams.RunStream stream = streams(5_000).open("key", "asst_1", call())) {
      AssistantRunStreams.Event event = stream.next();
      RunFailedException broken = assertThrows(RunFailedException.class, event::reply);
      assertEquals(502, broken.status());
      assertEquals("assistant_service_stream_broken", broken.code());
      assertEquals(
          "assistant_service_stream_broken",
          assertThrows(RunFailedException.class, event::json).code());
    }
  }
}
