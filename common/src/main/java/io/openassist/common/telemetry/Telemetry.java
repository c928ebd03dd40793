package io.openassist.common.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The services' own telemetry, through MicroProfile Telemetry's OpenTelemetry instance: client
 * spans (with W3C trace context sent along) for the calls made with {@code java.net.http}, which
 * Liberty does not instrument as it does MicroProfile Rest Clients, and the meter for the services'
 * own metrics. With the SDK off ({@code OTEL_SDK_DISABLED}, the default) every call here is a
 * no-op.
 */
@ApplicationScoped
public class Telemetry {

  public static final String SCOPE = "io.openassist";
  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");

  private Tracer tracer;
  private Meter meter;

  /** For CDI. */
  protected Telemetry() {}

  @Inject
  public Telemetry(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.meter = openTelemetry.getMeter(SCOPE);
  }

  /** Telemetry that records nothing, for code that runs outside a container (unit tests). */
  public static Telemetry off() {
    return new Telemetry(OpenTelemetry.noop());
  }

  public Meter meter() {
    return meter;
  }

  /**
   * Starts the client span of one outgoing HTTP request, a child of the current span, and adds its
   * W3C trace context ({@code traceparent}, no baggage) to the request; the caller ends it.
   */
  public ClientSpan clientCall(String method, URI uri, HttpRequest.Builder request) {
    Span span =
        tracer
            .spanBuilder(method)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, method)
            .setAttribute(ADDRESS, uri.getHost())
            .setAttribute(PORT, (long) port(uri))
            .setAttribute(URL, withoutQuery(uri))
            .startSpan();
    // W3C trace context only: the configured propagators would also pass on the caller's baggage
    // (and anything later put there) to the vendors.
    W3CTraceContextPropagator.getInstance()
        .inject(Context.current().with(span), request, HttpRequest.Builder::setHeader);
    return new ClientSpan(span);
  }

  /** The current trace's id, or null outside a sampled trace. */
  public static String currentTraceId() {
    var context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Neither user information nor the query (either could carry a key) goes into a span. */
  private static String withoutQuery(URI uri) {
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }

  /** One outgoing call's span: an answer status, or a failure, then the end. */
  public static final class ClientSpan implements AutoCloseable {
    private final Span span;

    private ClientSpan(Span span) {
      this.span = span;
    }

    public void status(int status) {
      span.setAttribute(STATUS, (long) status);
      if (status >= 400) {
        span.setAttribute(ERROR, Integer.toString(status));
        span.setStatus(StatusCode.ERROR);
      }
    }

    /** The call failed without (or after) an answer: {@code type} names how, never with data. */
    public void failed(String type) {
      span.setAttribute(ERROR, type);
      span.setStatus(StatusCode.ERROR);
    }

    @Override
    public void close() {
      span.end();
    }
  }
}
