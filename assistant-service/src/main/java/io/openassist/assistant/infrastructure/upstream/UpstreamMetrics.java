package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.Usage;
import io.openassist.common.telemetry.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The metrics of the calls to upstream vendors: {@code openassist.upstream.calls} (by provider and
 * outcome: {@code ok}, {@code abandoned} when our caller left, or the failure's kind), {@code
 * openassist.upstream.duration} (seconds, the same attributes) and {@code openassist.run.tokens}
 * (by provider, model and {@code type}: prompt or completion).
 */
@ApplicationScoped
public class UpstreamMetrics {

  private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("provider");
  private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  private static final AttributeKey<String> MODEL = AttributeKey.stringKey("model");
  private static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");

  private LongCounter calls;
  private DoubleHistogram duration;
  private LongCounter tokens;

  /** For CDI. */
  protected UpstreamMetrics() {}

  @Inject
  public UpstreamMetrics(Telemetry telemetry) {
    var meter = telemetry.meter();
    calls =
        meter
            .counterBuilder("openassist.upstream.calls")
            .setDescription("Calls to upstream model vendors")
            .setUnit("{call}")
            .build();
    duration =
        meter
            .histogramBuilder("openassist.upstream.duration")
            .setDescription("How long calls to upstream vendors took, streams to their end")
            .setUnit("s")
            .build();
    tokens =
        meter
            .counterBuilder("openassist.run.tokens")
            .setDescription("Tokens upstream vendors reported")
            .setUnit("{token}")
            .build();
  }

  void call(String provider, String outcome, long nanos) {
    Attributes attributes =
        Attributes.of(PROVIDER, provider, OUTCOME, outcome.toLowerCase(Locale.ROOT));
    calls.add(1, attributes);
    duration.record(nanos / 1e9, attributes);
  }

  void tokens(String provider, String model, Usage usage) {
    if (usage == null) {
      return;
    }
    if (usage.promptTokens() > 0) {
      tokens.add(
          usage.promptTokens(), Attributes.of(PROVIDER, provider, MODEL, model, TYPE, "prompt"));
    }
    if (usage.completionTokens() > 0) {
      tokens.add(
          usage.completionTokens(),
          Attributes.of(PROVIDER, provider, MODEL, model, TYPE, "completion"));
    }
  }
}
