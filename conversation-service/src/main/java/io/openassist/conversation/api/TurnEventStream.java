package io.openassist.conversation.api;

import io.openassist.common.lifecycle.Shutdown;
import io.openassist.common.telemetry.LogFields;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.application.MessageService;
import io.openassist.conversation.application.MessageService.Posted;
import io.openassist.conversation.application.MessageWriter;
import io.openassist.conversation.application.TurnFailedException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A turn as server-sent events: {@code turn.started} with the stored user message's id at once;
 * {@code turn.delta} for each piece of the reply as the vendor writes it ({@code {delta: {text}}},
 * tool-call pieces, reasoning); then {@code turn.completed} with both stored messages, exactly the
 * JSON answer's {@code {user_message, assistant_message}} — or {@code turn.failed}, the failed
 * turn's problem with {@code user_message_id} and {@code assistant_message_id}. When the caller
 * leaves, the run is aborted and the turn is stored as failed; so it is when the service shuts down
 * and the stream outlasts the grace period ({@code service_stopping}, {@link Shutdown}).
 */
final class TurnEventStream implements StreamingOutput {

  private final MessageService messages;
  private final String conversationId;
  private final MessageWriter.TurnStart start;
  private final String modelId;
  private final String requestId;
  private final Shutdown shutdown;

  TurnEventStream(
      MessageService messages,
      String conversationId,
      MessageWriter.TurnStart start,
      String modelId,
      String requestId,
      Shutdown shutdown) {
    this.shutdown = shutdown;
    this.messages = messages;
    this.conversationId = conversationId;
    this.start = start;
    this.modelId = modelId;
    this.requestId = requestId;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    LogFields.requestStarted(requestId);
    try (Shutdown.OpenStream open = shutdown.openStream()) {
      turn(out);
    } finally {
      LogFields.requestEnded();
    }
  }

  private void turn(OutputStream out) throws IOException {
    send(
        out,
        "turn.started",
        Jsonp.objectBuilder()
            .add("conversation_id", conversationId)
            .add("user_message_id", start.stored().message().id())
            .build()
            .toString());
    // As in assistant-service: Liberty sends the first flush's bytes only with the next flush.
    out.write(": turn started\n\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
    messages.streamTurn(
        conversationId,
        start,
        modelId,
        new MessageService.TurnListener() {
          @Override
          public void delta(JsonObject delta) {
            try {
              send(
                  out,
                  "turn.delta",
                  Jsonp.objectBuilder()
                      .add("object", "conversation.turn.delta")
                      .add("delta", delta)
                      .build()
                      .toString());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public void completed(Posted posted) {
            quietly(
                out,
                "turn.completed",
                JsonbConfiguration.JSONB.toJson(PostedResponse.turn(posted)));
          }

          @Override
          public void failed(TurnFailedException failure) {
            quietly(
                out, "turn.failed", TurnFailedExceptionMapper.body(failure, requestId).toString());
          }
        });
  }

  /** The last event; a caller that left no longer hears it, and the turn is stored regardless. */
  private static void quietly(OutputStream out, String event, String data) {
    try {
      send(out, event, data);
    } catch (IOException callerGone) {
      // the turn is recorded either way
    }
  }

  private static void send(OutputStream out, String event, String data) throws IOException {
    out.write(("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
