package io.openassist.assistant.infrastructure.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One configured upstream provider: which vendor API it speaks, where, with which key, which models
 * it may serve (empty: any), and the bounds of each call to it. The key is never part of {@link
 * #toString}, nor are credentials in the base URL.
 *
 * @param connectTimeout to open the connection
 * @param readTimeout to the first byte of the answer (its status and headers)
 * @param idleTimeout the longest gap between two pieces of a streamed answer
 * @param totalTimeout the longest a whole call may take, streaming included
 */
public record ProviderSettings(
    String name,
    ProviderType type,
    URI baseUrl,
    String apiKey,
    Map<String, String> headers,
    Set<String> models,
    String apiVersion,
    Duration connectTimeout,
    Duration readTimeout,
    Duration idleTimeout,
    Duration totalTimeout,
    int maxConcurrency,
    int maxRetries,
    Duration maxRetryWait,
    CircuitSettings circuit,
    int defaultMaxTokens) {

  /**
   * When the provider's circuit opens: after {@code failureRatePercent} of the last {@code window}
   * calls failed (at least {@code minimumCalls} made), for {@code openFor}.
   */
  public record CircuitSettings(
      int failureRatePercent, int window, int minimumCalls, Duration openFor) {}

  public ProviderSettings {
    headers = Map.copyOf(headers);
    models = Set.copyOf(models);
  }

  /** Whether this provider may serve {@code model}. */
  public boolean serves(String model) {
    return models.isEmpty() || models.contains(model);
  }

  /** The base URL as it may be logged: without user information, query or fragment. */
  public String loggableBaseUrl() {
    String host = baseUrl.getHost() == null ? "" : baseUrl.getHost();
    String port = baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort();
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    return baseUrl.getScheme() + "://" + host + port + path;
  }

  @Override
  public String toString() {
    return "ProviderSettings[name="
        + name
        + ", type="
        + type.configName()
        + ", baseUrl="
        + loggableBaseUrl()
        + ", models="
        + models
        + "]";
  }
}
