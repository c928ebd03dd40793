package io.openassist.assistant.client;

import io.openassist.common.telemetry.Telemetry;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.RequestCorrelation;
import io.openassist.common.web.RequestIdFilter;
import io.openassist.common.web.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streamed runs on assistant-service ({@code stream: true}, server-sent events), for turns whose
 * caller wants the reply as it is written. Uses {@code java.net.http.HttpClient} rather than the
 * Rest Client: closing the stream must abort the call (and so the vendor's), not read it to its
 * end. The run's own timeouts are assistant-service's; a stream that sends nothing for {@code
 * openassist.services.assistant-run-timeout-ms} (5 minutes) is cut off and the run fails with
 * {@code assistant_service_timeout}, as the JSON call's read timeout does. What assistant-service
 * sends that cannot be read fails the run ({@code assistant_service_stream_broken}) rather than
 * escaping as an error of ours.
 */
@ApplicationScoped
public class AssistantRunStreams {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Inject
  @ConfigProperty(
      name = "openassist.services.assistant-url",
      defaultValue = "http://localhost:9081")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "openassist.services.assistant-run-timeout-ms", defaultValue = "300000")
  long idleTimeoutMillis;

  @Inject RequestCorrelation correlation;

  @Inject Telemetry telemetry = Telemetry.off();

  /** Cuts off streams that went quiet; one daemon thread for all of them. */
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "assistant-run-stream-watchdog");
            t.setDaemon(true);
            return t;
          });

  /** One event of the run's stream: its name ({@code run.delta}, ...) and its JSON data. */
  public record Event(String name, String data) {

    public JsonObject json() {
      try (JsonReader reader = Jsonp.reader(new StringReader(data))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw unreadable();
      }
    }

    /** The run object of {@code run.completed}. */
    public RunReply reply() {
      try {
        return JsonbConfiguration.JSONB.fromJson(data, RunReply.class);
      } catch (RuntimeException e) {
        throw unreadable();
      }
    }

    private RunFailedException unreadable() {
      return RunFailedException.of(
          502,
          "assistant_service_stream_broken",
          "assistant-service sent a " + name + " event that could not be read",
          null);
    }

    /** The problem of {@code run.failed}, as a failure. */
    public RunFailedException failure() {
      JsonObject problem = json();
      return RunFailedException.of(
          problem.getInt("status", 502),
          problem.get("code") instanceof JsonString c ? c.getString() : "run_failed",
          problem.get("detail") instanceof JsonString d ? d.getString() : "The run failed",
          null);
    }
  }

  /** An open stream; closing it before its end aborts the run. */
  public static final class RunStream implements AutoCloseable {

    private final InputStream body;
    private final BufferedReader lines;
    private final long idleTimeoutMillis;
    private volatile boolean timedOut;
    private final Telemetry.ClientSpan span;

    RunStream(InputStream body, long idleTimeoutMillis, Telemetry.ClientSpan span) {
      this.body = body;
      this.span = span;
      this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /**
     * The next event, or null when the stream ended; a {@link RunFailedException} ({@code
     * assistant_service_timeout}, 504) when nothing arrived for the idle timeout.
     */
    public Event next() throws IOException {
      ScheduledFuture<?> cutOff =
          WATCHDOG.schedule(this::cutOff, idleTimeoutMillis, TimeUnit.MILLISECONDS);
      try {
        return read();
      } catch (IOException e) {
        if (timedOut) {
          throw RunFailedException.of(
              504,
              "assistant_service_timeout",
              "assistant-service sent nothing for " + idleTimeoutMillis + " ms",
              null);
        }
        throw e;
      } finally {
        cutOff.cancel(false);
      }
    }

    private void cutOff() {
      timedOut = true;
      try {
        body.close();
      } catch (IOException ignored) {
        // closing is all we can do
      }
    }

    private Event read() throws IOException {
      String name = "message";
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            return new Event(name, data.toString());
          }
          name = "message";
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          String piece = line.substring(5);
          piece = piece.startsWith(" ") ? piece.substring(1) : piece;
          data = data == null ? new StringBuilder(piece) : data.append('\n').append(piece);
        }
        // comments (":") and other fields are ignored, as SSE says
      }
      if (timedOut) {
        throw new IOException("cut off");
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      try {
        body.close();
      } finally {
        span.close();
      }
    }
  }

  /**
   * Opens the run's stream once assistant-service has accepted it (200 and {@code
   * text/event-stream}); a refusal or a failure to connect is a {@link RunFailedException}.
   */
  public RunStream open(String credential, String assistantId, RunCall call) {
    URI uri = URI.create(baseUrl + "/v1/assistants/" + assistantId + "/run");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + credential)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofMillis(idleTimeoutMillis))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JsonbConfiguration.JSONB.toJson(call.streamed())));
    try {
      request.header(RequestIdFilter.HEADER, correlation.requestId());
    } catch (RuntimeException outsideARequest) {
      // no request id to pass on
    }
    Telemetry.ClientSpan span = telemetry.clientCall("POST", uri, request);
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | InterruptedException e) {
      span.failed(e.getClass().getName());
      span.close();
      throw unreachable(e);
    }
    span.status(response.statusCode());
    if (response.statusCode() != 200) {
      span.close();
    }
    return opened(response, span);
  }

  private RunFailedException unreachable(Exception failure) {
    if (failure instanceof HttpTimeoutException) {
      return RunFailedException.of(
          504,
          "assistant_service_timeout",
          "assistant-service did not answer within " + idleTimeoutMillis + " ms",
          null);
    }
    if (failure instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return RunFailedException.of(
          0, "assistant_service_unreachable", "The run was interrupted", null);
    }
    return RunFailedException.of(
        0, "assistant_service_unreachable", "assistant-service could not be reached", null);
  }

  private RunStream opened(HttpResponse<InputStream> response, Telemetry.ClientSpan span) {
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        String code = "run_failed";
        String detail = "assistant-service answered " + response.statusCode();
        try (JsonReader reader = Jsonp.reader(new StringReader(text))) {
          JsonObject problem = reader.readObject();
          code = problem.getString("code", code);
          detail = problem.getString("detail", detail);
        } catch (RuntimeException notAProblem) {
          // keep the generic code and detail
        }
        throw RunFailedException.of(response.statusCode(), code, detail, null);
      } catch (IOException e) {
        throw RunFailedException.of(response.statusCode(), "run_failed", "The run failed", null);
      }
    }
    return new RunStream(response.body(), idleTimeoutMillis, span);
  }
}
