package io.openassist.common.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * The fields every log record of a request carries besides Liberty's own, through Liberty's {@link
 * LogRecordContext}: in JSON logs (the container images' format) they are {@code ext_requestId},
 * the request's {@code X-Request-Id}, and {@code ext_traceId}, the OpenTelemetry trace the record
 * was written in (when telemetry is on).
 */
@ApplicationScoped
public class LogFields {

  static final String REQUEST_ID = "requestId";
  static final String TRACE_ID = "traceId";

  /** Held strongly: Liberty keeps registered extensions only weakly. */
  private static final LogRecordContext.Extension CURRENT_TRACE =
      () -> {
        String traceId = Telemetry.currentTraceId();
        return traceId == null ? "" : traceId;
      };

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // A stop that did not get to unregister (a failed start) would make registering fail.
    LogRecordContext.unregisterExtension(TRACE_ID);
    LogRecordContext.registerExtension(TRACE_ID, CURRENT_TRACE);
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    LogRecordContext.unregisterExtension(TRACE_ID);
  }

  /** The request this thread now works for. */
  public static void requestStarted(String requestId) {
    LogRecordContext.addExtension(REQUEST_ID, requestId);
  }

  /** The thread is done with its request (it goes back to the pool). */
  public static void requestEnded() {
    LogRecordContext.removeExtension(REQUEST_ID);
  }
}
