package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.CallerGone;
import io.openassist.assistant.application.run.RunService;
import io.openassist.assistant.application.run.RunService.PreparedRun;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.common.error.ApiException;
import io.openassist.common.error.Problem;
import io.openassist.common.lifecycle.Shutdown;
import io.openassist.common.telemetry.LogFields;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A run as server-sent events: {@code run.created} as soon as the vendor has accepted the call, a
 * {@code run.delta} for each piece the vendor streams (text, tool-call pieces, reasoning), then
 * {@code run.completed} with the same run object the JSON answer has, or {@code run.failed} with a
 * problem body. A run that fails before the vendor accepted it (the vendor's 429 or 5xx, its
 * circuit open, as many calls in flight as it may take, unreachable) is no stream at all: the
 * failure leaves {@link #write} before anything was written, and the caller gets the same problem,
 * status and {@code Retry-After} as a JSON run. Each event is flushed as it is written; a write
 * that fails means the caller left, which aborts the upstream call. When the service shuts down, a
 * stream still running after the grace period ends with {@code run.failed} (503 {@code
 * service_stopping}).
 */
final class RunEventStream implements StreamingOutput {

  private static final Logger LOG = Logger.getLogger(RunEventStream.class.getName());

  private final RunService runs;
  private final PreparedRun prepared;
  private final String requestId;
  private final Shutdown shutdown;

  RunEventStream(RunService runs, PreparedRun prepared, String requestId, Shutdown shutdown) {
    this.runs = runs;
    this.shutdown = shutdown;
    this.prepared = prepared;
    this.requestId = requestId;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    // The stream outlives the request filters: its log records carry the request id too.
    LogFields.requestStarted(requestId);
    try (Shutdown.OpenStream open = shutdown.openStream()) {
      stream(new Events(out));
    } finally {
      LogFields.requestEnded();
    }
  }

  private void stream(Events events) throws IOException {
    RunService.Run run;
    try {
      run = runs.stream(prepared, events);
    } catch (ApiException e) {
      if (!events.started) {
        throw e; // nothing written yet: an ordinary problem, with its status
      }
      events.send(
          "run.failed",
          JsonbConfiguration.JSONB.toJson(
              new Problem(
                  Problem.typeFor(e.code()),
                  e.title(),
                  e.status(),
                  e.getMessage(),
                  e.code(),
                  requestId,
                  null)));
      return;
    } catch (CallerGone gone) {
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "request_id=" + requestId + " run " + prepared.id() + " failed", e);
      if (!events.started) {
        throw e;
      }
      events.send(
          "run.failed",
          JsonbConfiguration.JSONB.toJson(
              new Problem(
                  Problem.typeFor("internal_error"),
                  "Internal server error",
                  500,
                  "The run failed unexpectedly; the request id identifies it in the log",
                  "internal_error",
                  requestId,
                  null)));
      return;
    }
    events.start();
    events.send("run.completed", JsonbConfiguration.JSONB.toJson(RunResponse.from(run)));
  }

  /** Writes events; as the listener of the stream it turns vendor pieces into deltas. */
  private final class Events implements StreamListener {

    private final OutputStream out;
    private boolean started;

    Events(OutputStream out) {
      this.out = out;
    }

    @Override
    public void opened() {
      try {
        start();
      } catch (IOException e) {
        throw new CallerGone(e);
      }
    }

    /** The stream's first event, once: {@code run.created}. */
    void start() throws IOException {
      if (started) {
        return;
      }
      started = true;
      send(
          "run.created",
          Jsonp.objectBuilder()
              .add("id", prepared.id())
              .add("object", RunResponse.OBJECT)
              .add("model", prepared.route().model())
              .add("created_at", prepared.createdAt().getEpochSecond())
              .build()
              .toString());
      // Liberty passes on what the first flush of a response holds only with the next flush; a
      // comment line (which clients ignore) makes run.created reach the caller now, not with the
      // first delta, which a slow vendor may take seconds to send.
      comment("run started");
    }

    @Override
    public void text(String delta) {
      delta(Jsonp.objectBuilder().add("text", delta));
    }

    @Override
    public void toolCall(int index, String id, String name, String argumentsDelta) {
      JsonObject call = RunResponse.toolCall(id, name, argumentsDelta);
      delta(
          Jsonp.objectBuilder()
              .add(
                  "tool_calls",
                  Jsonp.arrayBuilder().add(Jsonp.objectBuilder(call).add("index", index))));
    }

    @Override
    public void reasoning(String delta) {
      delta(Jsonp.objectBuilder().add("reasoning", delta));
    }

    private void delta(JsonObjectBuilder delta) {
      try {
        start();
        send(
            "run.delta",
            Jsonp.objectBuilder()
                .add("id", prepared.id())
                .add("object", "assistant.run.delta")
                .add("delta", delta)
                .build()
                .toString());
      } catch (IOException e) {
        throw new CallerGone(e);
      }
    }

    /** An SSE comment line, which clients ignore. */
    void comment(String text) throws IOException {
      out.write((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void send(String event, String data) throws IOException {
      out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
