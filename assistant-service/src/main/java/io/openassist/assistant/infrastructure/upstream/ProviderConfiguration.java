package io.openassist.assistant.infrastructure.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the upstream providers from MicroProfile Config, so that environment variables and mounted
 * secrets work: {@code OPENASSIST_PROVIDERS=name1,name2}, then for each name the keys {@code
 * OPENASSIST_PROVIDER_<NAME>_TYPE}, {@code _BASE_URL}, {@code _API_KEY}, {@code _HEADERS} ({@code
 * Name=value,Name=value}), {@code _MODELS}, {@code _API_VERSION}, {@code _CONNECT_TIMEOUT}, {@code
 * _READ_TIMEOUT}, {@code _IDLE_TIMEOUT}, {@code _TOTAL_TIMEOUT} (ISO-8601 durations such as {@code
 * PT30S}), {@code _MAX_CONCURRENCY}, {@code _MAX_RETRIES}, {@code _MAX_RETRY_WAIT}, {@code
 * _CIRCUIT_FAILURE_RATE}, {@code _CIRCUIT_WINDOW}, {@code _CIRCUIT_MINIMUM_CALLS}, {@code
 * _CIRCUIT_OPEN_FOR}, {@code _DEFAULT_MAX_TOKENS}. A misconfigured provider fails the start, naming
 * the key.
 */
public final class ProviderConfiguration {

  static final String PROVIDERS = "openassist.providers";
  static final String DEFAULT_PROVIDER = "openassist.default-provider";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private ProviderConfiguration() {}

  /** Every configured provider, in the order {@code OPENASSIST_PROVIDERS} names them. */
  public static List<ProviderSettings> read(Config config) {
    List<ProviderSettings> providers = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : config.getOptionalValue(PROVIDERS, String.class).orElse("").split(",")) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            PROVIDERS
                + ": '"
                + raw.trim()
                + "' is not a provider name (lowercase letters, digits, hyphens)");
      }
      if (seen.add(name)) {
        providers.add(readOne(config, name));
      }
    }
    return providers;
  }

  /** The provider that serves bare model names, if one is configured. */
  public static Optional<String> defaultProvider(Config config) {
    return config
        .getOptionalValue(DEFAULT_PROVIDER, String.class)
        .map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty());
  }

  private static ProviderSettings readOne(Config config, String name) {
    Keys keys = new Keys(config, "openassist.provider." + name + ".");
    ProviderType type = ProviderType.fromConfig(keys.required("type"));
    URI baseUrl = URI.create(strip(keys.optional("base-url").orElse(defaultBaseUrl(type, keys))));
    return new ProviderSettings(
        name,
        type,
        baseUrl,
        keys.optional("api-key").orElse(null),
        headers(keys),
        models(keys),
        keys.optional("api-version").orElse(defaultApiVersion(type)),
        keys.duration("connect-timeout", Duration.ofSeconds(10)),
        keys.duration("read-timeout", Duration.ofSeconds(120)),
        keys.duration("idle-timeout", Duration.ofSeconds(60)),
        keys.duration("total-timeout", Duration.ofMinutes(10)),
        keys.integer("max-concurrency", 256),
        keys.integer("max-retries", 2),
        keys.duration("max-retry-wait", Duration.ofSeconds(20)),
        new ProviderSettings.CircuitSettings(
            keys.integer("circuit-failure-rate", 50),
            keys.integer("circuit-window", 20),
            keys.integer("circuit-minimum-calls", 10),
            keys.duration("circuit-open-for", Duration.ofSeconds(30))),
        keys.integer("default-max-tokens", 4096));
  }

  private static String defaultBaseUrl(ProviderType type, Keys keys) {
    return switch (type) {
      case OPENAI -> "https://api.openai.com/v1";
      case ANTHROPIC -> "https://api.anthropic.com";
      case MEINGPT -> "https://app.meingpt.com";
      case AZURE_OPENAI, FLOWISE -> keys.required("base-url");
    };
  }

  private static String defaultApiVersion(ProviderType type) {
    return switch (type) {
      case AZURE_OPENAI -> "2024-10-21";
      case ANTHROPIC -> "2023-06-01";
      default -> null;
    };
  }

  private static String strip(String url) {
    String trimmed = url.trim();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static Map<String, String> headers(Keys keys) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String pair : keys.optional("headers").orElse("").split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException(
            keys.name("headers") + ": expected Name=value pairs separated by commas");
      }
      headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return headers;
  }

  private static Set<String> models(Keys keys) {
    Set<String> models = new LinkedHashSet<>();
    for (String model : keys.optional("models").orElse("").split(",")) {
      if (!model.isBlank()) {
        models.add(model.trim());
      }
    }
    return models;
  }

  /** The keys of one provider, each read with its full name in the error when it is wrong. */
  private record Keys(Config config, String prefix) {

    String name(String key) {
      return prefix + key;
    }

    Optional<String> optional(String key) {
      return config.getOptionalValue(name(key), String.class).filter(s -> !s.isBlank());
    }

    String required(String key) {
      return optional(key).orElseThrow(() -> new IllegalStateException(name(key) + " must be set"));
    }

    Duration duration(String key, Duration fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        Duration parsed = Duration.parse(value.get().trim());
        if (parsed.isNegative() || parsed.isZero()) {
          throw new IllegalStateException(name(key) + " must be positive");
        }
        return parsed;
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalStateException(name(key) + ": not an ISO-8601 duration such as PT30S", e);
      }
    }

    int integer(String key, int fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.get().trim());
        if (parsed < 0) {
          throw new IllegalStateException(name(key) + " must not be negative");
        }
        return parsed;
      } catch (NumberFormatException e) {
        throw new IllegalStateException(name(key) + ": not a whole number", e);
      }
    }
  }
}
