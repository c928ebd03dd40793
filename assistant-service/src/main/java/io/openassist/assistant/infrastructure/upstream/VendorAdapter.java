package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.ModelRequest;
import io.openassist.assistant.domain.run.ModelResult;
import io.openassist.assistant.domain.run.StreamListener;

/**
 * One vendor API, translated: the anti-corruption layer between the domain's {@link ModelRequest}
 * and {@link ModelResult} and what that vendor sends and expects. Its wire types stay in its
 * package; its calls go through the provider's {@link UpstreamHttp}.
 */
public interface VendorAdapter {

  ModelResult complete(ModelRequest request);

  /** Streams to {@code listener} as pieces arrive; a listener that throws aborts the call. */
  ModelResult stream(ModelRequest request, StreamListener listener);
}
