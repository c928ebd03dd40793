package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import jakarta.json.JsonObject;
import java.time.Duration;

/**
 * The translation of vendor error answers that every vendor here shares: its 401/403 means our key
 * is wrong (502, for the operator, never the vendor's text); an exhausted quota likewise, and is
 * never retried; 429 passes on its Retry-After; 408 is a timeout; 5xx and 529 a failed upstream
 * (502); any other 4xx a refused request (400) with the vendor's message, sanitised. The message is
 * read from {@code error.message} (OpenAI, Anthropic) or a top-level {@code message} (meinGPT,
 * Flowise).
 */
public final class StandardVendorErrors implements VendorErrors {

  private final String provider;

  public StandardVendorErrors(String provider) {
    this.provider = provider;
  }

  @Override
  public boolean retryable(int status, String body) {
    return VendorErrors.super.retryable(status, body) && !quotaExhausted(body);
  }

  @Override
  public UpstreamException translate(int status, String body, Duration retryAfter) {
    String who = "Provider '" + provider + "'";
    if (status == 401 || status == 403) {
      return new UpstreamException(
          Kind.MISCONFIGURED,
          who
              + " refused this gateway's credentials (HTTP "
              + status
              + "); an operator must check its API key");
    }
    if (quotaExhausted(body)) {
      return new UpstreamException(
          Kind.MISCONFIGURED,
          who + " says this gateway's account has no quota left; an operator must check it");
    }
    if (status == 429) {
      return new UpstreamException(
          Kind.RATE_LIMITED,
          who + " is rate limiting; retry after the time Retry-After gives",
          retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
    }
    if (status == 408) {
      return new UpstreamException(Kind.TIMEOUT, who + " did not answer in time");
    }
    if (status == 529) {
      return new UpstreamException(Kind.FAILED, who + " is overloaded (HTTP 529)");
    }
    if (status >= 500 || status < 400) {
      return new UpstreamException(Kind.FAILED, who + " failed (HTTP " + status + ")");
    }
    String message = VendorJson.sanitise(message(body));
    return new UpstreamException(
        Kind.REJECTED,
        message == null
            ? who + " refused the request (HTTP " + status + ")"
            : who + " refused the request: " + message);
  }

  private static String message(String body) {
    JsonObject answer = VendorJson.objectOrNull(body);
    String nested = VendorJson.string(VendorJson.object(answer, "error"), "message");
    return nested != null ? nested : VendorJson.string(answer, "message");
  }

  private static boolean quotaExhausted(String body) {
    JsonObject error = VendorJson.object(VendorJson.objectOrNull(body), "error");
    return "insufficient_quota".equals(VendorJson.string(error, "code"))
        || "insufficient_quota".equals(VendorJson.string(error, "type"));
  }
}
