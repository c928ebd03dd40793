package io.openassist.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for an OpenTelemetry collector: an OTLP/HTTP (protobuf) receiver on port {@value
 * #PORT}, where the test servers export their traces and metrics (common test {@code jvm.options}).
 * It keeps every span and every metric name it receives, decoded with the OTLP protobuf types, so a
 * test can assert what the services really exported. Started once per test run.
 */
public final class OtlpCollector implements BeforeAllCallback {

  public static final int PORT = 19417;

  /** One exported span: the service that sent it, its ids (hex), name, kind and attributes. */
  public record ExportedSpan(
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Map<String, String> attributes) {}

  /** One exported metric: the service, its name, and its data points' attributes. */
  public record ExportedMetric(String service, String name, List<Map<String, String>> points) {}

  private static final List<ExportedSpan> SPANS = new CopyOnWriteArrayList<>();

  /** The latest export of each (service, metric): exports repeat every metric every second. */
  private static final Map<String, ExportedMetric> METRICS =
      new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(OtlpCollector.class, key -> start(), Running.class);
  }

  private record Running(HttpServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static Running start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
      server.createContext("/v1/traces", OtlpCollector::traces);
      server.createContext("/v1/metrics", OtlpCollector::metrics);
      server.createContext("/v1/logs", exchange -> answer(exchange, 200));
      server.start();
      return new Running(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every span received so far. */
  public static List<ExportedSpan> spans() {
    return List.copyOf(SPANS);
  }

  /** Every metric received so far. */
  public static List<ExportedMetric> metrics() {
    return List.copyOf(METRICS.values());
  }

  /** Waits (up to {@code timeout}) until some span matches, and answers it. */
  public static ExportedSpan awaitSpan(Predicate<ExportedSpan> matching, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ExportedSpan span : SPANS) {
        if (matching.test(span)) {
          return span;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "No exported span matched; received: "
                + SPANS.stream()
                    .map(s -> s.service() + " " + s.kind() + " " + s.name())
                    .collect(Collectors.joining(", ")));
      }
      Thread.sleep(100);
    }
  }

  /** Waits (up to {@code timeout}) until some metric matches, and answers it. */
  public static ExportedMetric awaitMetric(Predicate<ExportedMetric> matching, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ExportedMetric metric : METRICS.values()) {
        if (matching.test(metric)) {
          return metric;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "No exported metric matched; received: "
                + METRICS.values().stream()
                    .map(m -> m.service() + " " + m.name())
                    .distinct()
                    .collect(Collectors.joining(", ")));
      }
      Thread.sleep(200);
    }
  }

  private static void traces(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request;
    try (InputStream body = exchange.getRequestBody()) {
      request = ExportTraceServiceRequest.parseFrom(body);
    }
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resource : request.getResourceSpansList()) {
      String service = serviceName(resource.getResource());
      resource.getScopeSpansList().stream()
          .flatMap(scope -> scope.getSpansList().stream())
          .forEach(
              span ->
                  SPANS.add(
                      new ExportedSpan(
                          service,
                          hex.formatHex(span.getTraceId().toByteArray()),
                          hex.formatHex(span.getSpanId().toByteArray()),
                          hex.formatHex(span.getParentSpanId().toByteArray()),
                          span.getName(),
                          span.getKind().name(),
                          attributes(span.getAttributesList()))));
    }
    answer(exchange, 200);
  }

  private static void metrics(HttpExchange exchange) throws IOException {
    ExportMetricsServiceRequest request;
    try (InputStream body = exchange.getRequestBody()) {
      request = ExportMetricsServiceRequest.parseFrom(body);
    }
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      String service = serviceName(resource.getResource());
      resource.getScopeMetricsList().stream()
          .flatMap(scope -> scope.getMetricsList().stream())
          .forEach(
              metric -> {
                List<List<KeyValue>> points =
                    switch (metric.getDataCase()) {
                      case SUM ->
                          metric.getSum().getDataPointsList().stream()
                              .map(p -> p.getAttributesList())
                              .toList();
                      case HISTOGRAM ->
                          metric.getHistogram().getDataPointsList().stream()
                              .map(p -> p.getAttributesList())
                              .toList();
                      case GAUGE ->
                          metric.getGauge().getDataPointsList().stream()
                              .map(p -> p.getAttributesList())
                              .toList();
                      default -> List.of();
                    };
                METRICS.put(
                    service + " " + metric.getName(),
                    new ExportedMetric(
                        service,
                        metric.getName(),
                        points.stream().map(OtlpCollector::attributes).toList()));
              });
    }
    answer(exchange, 200);
  }

  private static String serviceName(Resource resource) {
    return attributes(resource.getAttributesList()).getOrDefault("service.name", "");
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    return attributes.stream()
        .collect(Collectors.toMap(KeyValue::getKey, kv -> text(kv.getValue()), (a, b) -> b));
  }

  private static String text(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> Long.toString(value.getIntValue());
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      default -> value.toString();
    };
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }
}
