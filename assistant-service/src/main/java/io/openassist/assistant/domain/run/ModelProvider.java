package io.openassist.assistant.domain.run;

/**
 * An upstream vendor that runs models: one implementation per vendor API (an anti-corruption layer:
 * vendor wire types stay inside it). Failures are {@link UpstreamException}s.
 */
public interface ModelProvider {

  /** The name operators gave this provider ({@code OPENASSIST_PROVIDERS}). */
  String name();

  /** Whether operators allow this provider to serve {@code model} ({@code _MODELS}). */
  boolean serves(String model);

  /** What an admin may see of the provider: never its key. */
  ProviderStatus status();

  /** One answer, whole. */
  ModelResult complete(ModelRequest request);

  /**
   * One answer, streamed to {@code listener} as it arrives, and then returned whole. Nothing is
   * retried once the listener has received a piece.
   */
  ModelResult stream(ModelRequest request, StreamListener listener);
}
