package io.openassist.assistant.infrastructure.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class ProviderConfigurationTest {

  /** Just enough of a Config for the reader: string values by name. */
  private record MapConfig(Map<String, String> values) implements Config {
    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void readsEveryProviderWithItsDefaults() {
    List<ProviderSettings> providers =
        ProviderConfiguration.read(
            new MapConfig(
                Map.of(
                    "openassist.providers", " OpenAI , claude ",
                    "openassist.provider.openai.type", "openai",
                    "openassist.provider.openai.api-key", "sk-secret",
                    "openassist.provider.openai.models", "gpt-4o, gpt-4o-mini",
                    "openassist.provider.openai.headers", "OpenAI-Organization=org-1,X-Extra = two",
                    "openassist.provider.claude.type", "anthropic",
                    "openassist.provider.claude.base-url", "http://localhost:9/anthropic/",
                    "openassist.provider.claude.idle-timeout", "PT5S")));
    ProviderSettings openai = providers.get(0);
    assertEquals("openai", openai.name());
    assertEquals("https://api.openai.com/v1", openai.baseUrl().toString());
    assertEquals(Set.of("gpt-4o", "gpt-4o-mini"), openai.models());
    assertEquals(Map.of("OpenAI-Organization", "org-1", "X-Extra", "two"), openai.headers());
    assertTrue(openai.serves("gpt-4o") && !openai.serves("o3"));
    assertTrue(!openai.toString().contains("sk-secret"), "the key is never printed");
    assertEquals(2, openai.maxRetries());
    ProviderSettings claude = providers.get(1);
    assertEquals(ProviderType.ANTHROPIC, claude.type());
    assertEquals("http://localhost:9/anthropic", claude.baseUrl().toString());
    assertEquals(Duration.ofSeconds(5), claude.idleTimeout());
    assertEquals("2023-06-01", claude.apiVersion());
    assertNull(claude.apiKey());
  }

  @Test
  void credentialsInTheBaseUrlAreNeverPrinted() {
    ProviderSettings vllm =
        ProviderConfiguration.read(
                new MapConfig(
                    Map.of(
                        "openassist.providers", "vllm",
                        "openassist.provider.vllm.type", "openai",
                        "openassist.provider.vllm.base-url",
                            "https://user:s3cret@vllm.internal:8443/v1?token=abc")))
            .get(0);
    assertEquals("https://vllm.internal:8443/v1", vllm.loggableBaseUrl());
    assertTrue(
        !vllm.toString().contains("s3cret") && !vllm.toString().contains("abc"), vllm.toString());
  }

  @Test
  void aMisconfiguredProviderIsRefusedNamingTheKey() {
    IllegalStateException noType =
        assertThrows(
            IllegalStateException.class,
            () -> ProviderConfiguration.read(new MapConfig(Map.of("openassist.providers", "x"))));
    assertTrue(noType.getMessage().contains("openassist.provider.x.type"), noType.getMessage());
    IllegalStateException badDuration =
        assertThrows(
            IllegalStateException.class,
            () ->
                ProviderConfiguration.read(
                    new MapConfig(
                        Map.of(
                            "openassist.providers", "x",
                            "openassist.provider.x.type", "openai",
                            "openassist.provider.x.read-timeout", "30s"))));
    assertTrue(badDuration.getMessage().contains("read-timeout"), badDuration.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            ProviderConfiguration.read(
                new MapConfig(
                    Map.of(
                        "openassist.providers",
                        "x",
                        "openassist.provider.x.type",
                        "azure-openai"))),
        "Azure has no default base URL");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProviderConfiguration.read(
                new MapConfig(
                    Map.of("openassist.providers", "x", "openassist.provider.x.type", "bard"))));
  }

  @Test
  void retryAfterIsReadInMillisecondsSecondsOrAsADate() {
    assertEquals(
        Optional.of(Duration.ofMillis(1500)),
        UpstreamHttp.retryAfter(
            headers(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("9")))));
    assertEquals(
        Optional.of(Duration.ofSeconds(9)),
        UpstreamHttp.retryAfter(headers(Map.of("retry-after", List.of("9")))));
    assertEquals(
        Optional.of(Duration.ZERO),
        UpstreamHttp.retryAfter(
            headers(Map.of("retry-after", List.of("Wed, 21 Oct 2015 07:28:00 GMT")))));
    assertEquals(
        Optional.empty(), UpstreamHttp.retryAfter(headers(Map.of("retry-after", List.of("soon")))));
  }

  @Test
  void vendorMessagesLoseCredentialsAndControlCharacters() {
    String clean =
        VendorJson.sanitise(
            "Incorrect API key provided: sk-proj-abcdefghijkl.\u0007 Bearer abc.def");
    assertTrue(
        !clean.contains("sk-proj") && !clean.contains("abc.def") && !clean.contains("\u0007"),
        clean);
    assertEquals(503, VendorJson.sanitise("x".repeat(600)).length());
  }

  private static HttpHeaders headers(Map<String, List<String>> values) {
    return HttpHeaders.of(values, (a, b) -> true);
  }
}
