package io.openassist.assistant.infrastructure.upstream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.common.lifecycle.Shutdown;
import io.openassist.common.telemetry.Telemetry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one way to call one upstream provider, with its guards: a bulkhead (at most {@code
 * max-concurrency} calls in flight, more fail fast), a circuit breaker (after repeated failures
 * calls fail fast for a while), explicit timeouts (connect, first byte, idle gap, total), and at
 * most {@code max-retries} retries with jittered exponential backoff on connection errors, 408,
 * 429, 5xx and 529, honouring {@code Retry-After} and {@code retry-after-ms}. Retries happen only
 * before the answer's body is handed out, so never after a streamed byte reached our caller.
 *
 * <p>It uses the JDK's {@link HttpClient} rather than a MicroProfile Rest Client: a stream must be
 * abortable the moment our caller leaves, and the set of providers is configuration, not code. The
 * circuit breaker and bulkhead are per provider for the same reason (Fault Tolerance annotations
 * would share one breaker between all providers).
 *
 * <p>Each call is a client span of the current trace (the vendor receives its {@code traceparent})
 * and is counted in {@link UpstreamMetrics}.
 */
public final class UpstreamHttp {

  private static final Logger LOG = Logger.getLogger(UpstreamHttp.class.getName());
  private static final int ERROR_BODY_LIMIT = 64 * 1024;
  private static final int ANSWER_LIMIT = 16 * 1024 * 1024;
  private static final long BACKOFF_BASE_MS = 200;
  private static final long BACKOFF_CAP_MS = 4_000;

  private final ProviderSettings settings;
  private final HttpClient client;
  private final Semaphore bulkhead;
  private final CircuitBreaker circuit;
  private final VendorErrors errors;
  private final Telemetry telemetry;
  private final UpstreamMetrics metrics;
  private final Shutdown shutdown;

  public UpstreamHttp(
      ProviderSettings settings, Telemetry telemetry, UpstreamMetrics metrics, Shutdown shutdown) {
    this.settings = settings;
    this.telemetry = telemetry;
    this.metrics = metrics;
    this.shutdown = shutdown;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // The body subscriber only hands chunks to a queue, so the client's completions may
            // run on its own selector thread instead of being passed to another thread first.
            .executor(Runnable::run)
            .build();
    this.bulkhead = new Semaphore(Math.max(1, settings.maxConcurrency()));
    this.errors = new StandardVendorErrors(settings.name());
    ProviderSettings.CircuitSettings c = settings.circuit();
    this.circuit =
        CircuitBreaker.of(
            settings.name(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(1, c.window()))
                .minimumNumberOfCalls(Math.max(1, c.minimumCalls()))
                .failureRateThreshold(Math.min(100, Math.max(1, c.failureRatePercent())))
                .waitDurationInOpenState(c.openFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                // Model calls are long by nature (a stream may run for minutes): duration is not
                // failure here, so resilience4j's slow-call rule (60 s) is switched off.
                .slowCallDurationThreshold(settings.totalTimeout().plusMinutes(1))
                .slowCallRateThreshold(100)
                .build());
  }

  public ProviderSettings settings() {
    return settings;
  }

  /**
   * A POST of a JSON body to this provider: content headers, the operator's extra headers ({@code
   * _HEADERS}); the adapter adds its vendor's authentication header.
   */
  public HttpRequest.Builder postJson(java.net.URI uri, String body, boolean stream) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Accept", stream ? "text/event-stream" : "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
    settings.headers().forEach(builder::header);
    return builder;
  }

  /** How this provider's error answers translate (every vendor here shares one translation). */
  public VendorErrors errors() {
    return errors;
  }

  /** CLOSED, OPEN or HALF_OPEN, for the providers' health. */
  public String circuitState() {
    return circuit.getState().name();
  }

  /**
   * Sends the request and answers its 2xx response, whose body the caller reads and then closes;
   * any other outcome is an {@link UpstreamException}. {@code request} is a builder so that each
   * attempt gets the time that is left.
   */
  public Call send(HttpRequest.Builder request) {
    if (!bulkhead.tryAcquire()) {
      metrics.call(settings.name(), Kind.BUSY.name(), 0);
      throw new UpstreamException(
          Kind.BUSY,
          "Provider '"
              + settings.name()
              + "' has as many calls in flight as it may take; retry shortly",
          Duration.ofSeconds(1));
    }
    boolean handedOut = false;
    try {
      if (!circuit.tryAcquirePermission()) {
        metrics.call(settings.name(), Kind.CIRCUIT_OPEN.name(), 0);
        throw new UpstreamException(
            Kind.CIRCUIT_OPEN,
            "Provider '" + settings.name() + "' failed repeatedly; calls to it are paused",
            settings.circuit().openFor());
      }
      long start = System.nanoTime();
      long deadline = start + settings.totalTimeout().toNanos();
      Telemetry.ClientSpan span = null;
      Call call;
      try {
        HttpRequest first = request.copy().build();
        span = telemetry.clientCall(first.method(), first.uri(), request);
        call = attempt(request, start, deadline);
      } catch (UpstreamException e) {
        span.failed(e.kind().name().toLowerCase(java.util.Locale.ROOT));
        span.close();
        metrics.call(settings.name(), e.kind().name(), System.nanoTime() - start);
        throw e;
      } catch (RuntimeException | Error e) {
        // Not an answer of the provider's: give its permission back rather than hold it forever.
        circuit.releasePermission();
        metrics.call(settings.name(), "internal", System.nanoTime() - start);
        if (span != null) {
          span.failed(e.getClass().getName());
          span.close();
        }
        throw e;
      }
      span.status(call.status());
      call.span = span;
      // At the end of a shutdown's grace period the call is broken off (STOPPING), even when the
      // vendor sends nothing that would let the stream notice.
      call.open = shutdown.openStream(call::stopForShutdown);
      handedOut = true;
      return call;
    } finally {
      if (!handedOut) {
        bulkhead.release();
      }
    }
  }

  /**
   * Sends the request and reads its whole JSON answer (at most 16 MiB) into a result by {@code
   * parse}; an answer that is not a JSON object, or that {@code parse} refuses with an {@link
   * UpstreamException}, is a failed call.
   */
  public <T> T exchangeJson(
      HttpRequest.Builder request, java.util.function.Function<jakarta.json.JsonObject, T> parse) {
    try (Call call = send(request)) {
      jakarta.json.JsonObject answer = VendorJson.objectOrNull(call.readAll(ANSWER_LIMIT));
      if (answer == null) {
        throw call.fail(VendorJson.malformed(settings.name()));
      }
      try {
        return parse.apply(answer);
      } catch (UpstreamException e) {
        throw call.fail(e);
      }
    }
  }

  private Call attempt(HttpRequest.Builder request, long start, long deadline) {
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= settings.maxRetries();
      UpstreamBody body = new UpstreamBody(settings.idleTimeout().toNanos(), deadline, () -> {});
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw failed(start, new UpstreamException(Kind.TIMEOUT, timeoutDetail()));
      }
      java.net.http.HttpResponse<UpstreamBody> response;
      try {
        response =
            client.send(
                request.timeout(min(settings.readTimeout(), Duration.ofNanos(left))).build(),
                info -> body);
      } catch (HttpConnectTimeoutException | ConnectException e) {
        if (!last && backoff(attempt, null, deadline)) {
          continue;
        }
        throw failed(start, connectionFailure(e));
      } catch (HttpTimeoutException e) {
        throw failed(start, new UpstreamException(Kind.TIMEOUT, timeoutDetail()));
      } catch (IOException e) {
        if (!last && backoff(attempt, null, deadline)) {
          continue;
        }
        throw failed(start, connectionFailure(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        circuit.releasePermission();
        throw new UpstreamException(Kind.FAILED, "Interrupted while calling " + settings.name());
      }
      int status = response.statusCode();
      if (status / 100 == 2) {
        return new Call(status, response.headers(), body, start);
      }
      String text;
      try {
        text = body.readText(ERROR_BODY_LIMIT);
      } catch (IOException e) {
        text = "";
      } finally {
        body.close();
      }
      Duration retryAfter = retryAfter(response.headers()).orElse(null);
      if (!last && errors.retryable(status, text) && backoff(attempt, retryAfter, deadline)) {
        LOG.log(
            Level.FINE, () -> "provider=" + settings.name() + " status=" + status + " retrying");
        continue;
      }
      UpstreamException failure = errors.translate(status, text, retryAfter);
      if (countsAsFailure(failure.kind())) {
        throw failed(start, failure);
      }
      circuit.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      throw failure;
    }
  }

  private UpstreamException connectionFailure(IOException e) {
    LOG.log(
        Level.FINE,
        () -> "provider=" + settings.name() + " connection failed: " + e.getClass().getName());
    return new UpstreamException(
        Kind.FAILED, "Provider '" + settings.name() + "' could not be reached");
  }

  private String timeoutDetail() {
    return "Provider '" + settings.name() + "' did not answer in time";
  }

  private UpstreamException failed(long start, UpstreamException failure) {
    circuit.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
    return failure;
  }

  /** Whether a failure says the provider is unwell (as opposed to our request being wrong). */
  private static boolean countsAsFailure(Kind kind) {
    return kind == Kind.FAILED || kind == Kind.TIMEOUT;
  }

  /**
   * Waits before the next attempt: the vendor's Retry-After when it gave one, else jittered
   * exponential backoff. False when the wait would be too long or pass the deadline: then the
   * failure is answered instead.
   */
  private boolean backoff(int attempt, Duration retryAfter, long deadline) {
    long waitMs;
    if (retryAfter != null) {
      if (retryAfter.compareTo(settings.maxRetryWait()) > 0) {
        return false;
      }
      waitMs = retryAfter.toMillis();
    } else {
      long ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS << attempt);
      waitMs = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }
    if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs) >= deadline) {
      return false;
    }
    try {
      Thread.sleep(waitMs);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> ms = headers.firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Optional.of(
            Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().trim()))));
      } catch (NumberFormatException e) {
        // fall through to Retry-After
      }
    }
    Optional<String> value = headers.firstValue("retry-after");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
    } catch (NumberFormatException e) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * One successful (2xx) upstream answer being read. Closing it ends the call: an unfinished body
   * is aborted, the bulkhead slot is given back, and the circuit breaker learns how it went ({@link
   * #failed} before closing when reading it failed; {@link #abandon} when our caller left, which
   * says nothing about the provider).
   */
  public final class Call implements AutoCloseable {

    private final int status;
    private final HttpHeaders headers;
    private final UpstreamBody body;
    private final long start;
    private final AtomicBoolean closed = new AtomicBoolean();
    private UpstreamException failure;
    private boolean abandoned;
    private Telemetry.ClientSpan span;
    private Shutdown.OpenStream open;
    private volatile boolean stoppedByShutdown;

    private Call(int status, HttpHeaders headers, UpstreamBody body, long start) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.start = start;
    }

    public int status() {
      return status;
    }

    public HttpHeaders headers() {
      return headers;
    }

    /** The body, bounded in time: a stalled or overlong read fails as a timeout. */
    public java.io.InputStream body() {
      return body;
    }

    /** The whole body as UTF-8, failing as {@link Kind#FAILED} when larger than {@code limit}. */
    public String readAll(int limit) {
      try {
        return new String(body.readAllBounded(limit), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw readFailure(e);
      }
    }

    /** The failure a broken read of the body means, recorded for the circuit breaker. */
    public UpstreamException readFailure(IOException e) {
      if (stoppedByShutdown) {
        return new UpstreamException(Kind.STOPPING, Shutdown.STOPPING_DETAIL);
      }
      UpstreamException translated =
          e instanceof UpstreamBody.UpstreamTimeoutException
              ? new UpstreamException(Kind.TIMEOUT, timeoutDetail())
              : new UpstreamException(
                  Kind.FAILED, "Provider '" + settings.name() + "' broke off its answer");
      failed(translated);
      return translated;
    }

    /** The answer turned out broken (malformed, an error inside a stream). */
    public void failed(UpstreamException e) {
      if (failure == null) {
        failure = e;
      }
    }

    /** {@link #failed}, answering the failure so that the adapter can throw it. */
    public UpstreamException fail(UpstreamException e) {
      failed(e);
      return e;
    }

    /**
     * Hands a piece of the answer to our caller; if that fails (the caller left), the upstream
     * request is abandoned at once and the failure passed on.
     */
    public <T> T deliver(java.util.function.Supplier<T> piece) {
      try {
        return piece.get();
      } catch (RuntimeException listenerFailure) {
        abandon();
        throw listenerFailure;
      }
    }

    public void deliver(Runnable piece) {
      deliver(
          () -> {
            piece.run();
            return null;
          });
    }

    /**
     * The shutdown's grace period is over: the upstream request is aborted, as for a caller gone.
     */
    void stopForShutdown() {
      stoppedByShutdown = true;
      abandon();
    }

    /** Our caller left: the upstream request is aborted and the provider is not blamed. */
    public void abandon() {
      abandoned = true;
      close();
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        body.close();
      } finally {
        long took = System.nanoTime() - start;
        if (abandoned) {
          circuit.releasePermission();
        } else if (failure != null && countsAsFailure(failure.kind())) {
          circuit.onError(took, TimeUnit.NANOSECONDS, failure);
        } else {
          circuit.onSuccess(took, TimeUnit.NANOSECONDS);
        }
        bulkhead.release();
        String outcome = abandoned ? "ABANDONED" : failure == null ? "OK" : failure.kind().name();
        if (failure != null) {
          span.failed(failure.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        span.close();
        if (open != null) {
          open.close();
        }
        metrics.call(settings.name(), outcome, took);
      }
    }
  }
}
