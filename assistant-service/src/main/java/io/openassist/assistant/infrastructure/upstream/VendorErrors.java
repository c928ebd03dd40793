package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.UpstreamException;
import java.time.Duration;

/**
 * How a provider's error answers translate, and which are worth retrying; {@link UpstreamHttp}
 * applies it to every call. Every vendor here shares {@link StandardVendorErrors}; a vendor whose
 * error body differs gets an implementation of its own. The translation never passes on the
 * vendor's raw body.
 */
public interface VendorErrors {

  /** The failure our caller gets for this vendor answer. */
  UpstreamException translate(int status, String body, Duration retryAfter);

  /**
   * Whether the same request may succeed when sent again: connection-level trouble, 408, 429, 5xx
   * and 529 by default; a vendor refines it (an exhausted quota is a 429 that never will).
   */
  default boolean retryable(int status, String body) {
    return status == 408 || status == 429 || status >= 500;
  }
}
