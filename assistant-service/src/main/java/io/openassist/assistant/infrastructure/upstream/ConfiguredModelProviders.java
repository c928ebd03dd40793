package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.ModelProvider;
import io.openassist.assistant.domain.run.ModelProviders;
import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.ProviderStatus;
import io.openassist.assistant.domain.run.StreamListener;
import io.openassist.assistant.infrastructure.upstream.anthropic.AnthropicMessagesAdapter;
import io.openassist.assistant.infrastructure.upstream.flowise.FlowisePredictionAdapter;
import io.openassist.assistant.infrastructure.upstream.meingpt.MeinGptRunAdapter;
import io.openassist.assistant.infrastructure.upstream.openai.OpenAiChatAdapter;
import io.openassist.common.telemetry.Telemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The providers operators configured ({@link ProviderConfiguration}), each behind the adapter of
 * its vendor API and its own guarded HTTP client. Read once when the application starts: a
 * misconfigured provider stops the start with a message naming the key, instead of failing the
 * first run.
 */
@ApplicationScoped
public class ConfiguredModelProviders implements ModelProviders {

  private static final Logger LOG = Logger.getLogger(ConfiguredModelProviders.class.getName());

  @Inject Telemetry telemetry;
  @Inject UpstreamMetrics metrics;
  @Inject io.openassist.common.lifecycle.Shutdown shutdown;

  private Map<String, ModelProvider> providers;
  private Optional<String> defaultProvider;

  @PostConstruct
  void configure() {
    Map<String, ModelProvider> configured = new LinkedHashMap<>();
    for (ProviderSettings settings : ProviderConfiguration.read(ConfigProvider.getConfig())) {
      configured.put(settings.name(), adapter(settings));
      LOG.info(() -> "Upstream provider " + settings);
    }
    providers = configured;
    defaultProvider = ProviderConfiguration.defaultProvider(ConfigProvider.getConfig());
    if (defaultProvider.isPresent() && !providers.containsKey(defaultProvider.get())) {
      throw new IllegalStateException(
          ProviderConfiguration.DEFAULT_PROVIDER
              + " names '"
              + defaultProvider.get()
              + "', which is not one of "
              + ProviderConfiguration.PROVIDERS);
    }
  }

  /** Reads the configuration at start-up rather than at the first run. */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    providers.size();
  }

  private ModelProvider adapter(ProviderSettings settings) {
    UpstreamHttp http = new UpstreamHttp(settings, telemetry, metrics, shutdown);
    VendorAdapter adapter =
        switch (settings.type()) {
          case OPENAI, AZURE_OPENAI -> new OpenAiChatAdapter(http);
          case ANTHROPIC -> new AnthropicMessagesAdapter(http);
          case MEINGPT -> new MeinGptRunAdapter(http);
          case FLOWISE -> new FlowisePredictionAdapter(http);
        };
    return new Guarded(adapter, http, metrics);
  }

  @Override
  public Optional<ModelProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  @Override
  public Optional<String> defaultProvider() {
    return defaultProvider;
  }

  @Override
  public List<ModelProvider> all() {
    return List.copyOf(providers.values());
  }

  /** An adapter with what every provider shares: its allow-list and its status. */
  private record Guarded(VendorAdapter adapter, UpstreamHttp http, UpstreamMetrics metrics)
      implements ModelProvider {

    @Override
    public String name() {
      return http.settings().name();
    }

    @Override
    public boolean serves(String model) {
      return http.settings().serves(model);
    }

    @Override
    public ProviderStatus status() {
      ProviderSettings s = http.settings();
      return new ProviderStatus(
          s.name(),
          s.type().configName(),
          List.copyOf(s.models()),
          "CLOSED".equals(http.circuitState()) ? "up" : "degraded");
    }

    @Override
    public ModelResult complete(ModelRequest request) {
      return counted(adapter.complete(request));
    }

    @Override
    public ModelResult stream(ModelRequest request, StreamListener listener) {
      return counted(adapter.stream(request, listener));
    }

    private ModelResult counted(ModelResult result) {
      if (result != null) {
        metrics.tokens(name(), result.model(), result.usage());
      }
      return result;
    }
  }
}
