package io.openassist.assistant.infrastructure.upstream;

import java.util.Locale;

/** The vendor APIs an upstream provider may speak ({@code OPENASSIST_PROVIDER_<NAME>_TYPE}). */
public enum ProviderType {
  /** OpenAI Chat Completions, and everything that speaks it (Mistral, vLLM, Ollama, Minds...). */
  OPENAI,
  /** Azure OpenAI: Chat Completions on a deployment URL, the key in an {@code api-key} header. */
  AZURE_OPENAI,
  /** Anthropic Messages. */
  ANTHROPIC,
  /** A meinGPT assistant's run endpoint. */
  MEINGPT,
  /** A Flowise chatflow's prediction endpoint. */
  FLOWISE;

  /** The configuration name: {@code openai}, {@code azure-openai}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ProviderType fromConfig(String value) {
    for (ProviderType type : values()) {
      if (type.configName().equalsIgnoreCase(value.trim())) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown provider type '"
            + value
            + "'; one of openai, azure-openai, anthropic, meingpt, flowise");
  }
}
