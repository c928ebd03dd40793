package io.openassist.assistant.infrastructure.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The body of an upstream answer as a blocking stream that is always bounded in time and can be
 * abandoned at once. Bytes arrive from the JDK client one chunk at a time (one requested, one
 * delivered); a read waits at most the idle timeout for the next chunk and never past the call's
 * deadline, and then fails with {@link UpstreamTimeoutException}. {@link #close} cancels the
 * subscription, which makes the JDK client drop the connection: the vendor sees the request
 * aborted, rather than being read to its end as a MicroProfile Rest Client stream would be.
 */
final class UpstreamBody extends InputStream implements HttpResponse.BodySubscriber<UpstreamBody> {

  /** A read of the body waited longer than the idle timeout or past the call's deadline. */
  static final class UpstreamTimeoutException extends IOException {
    UpstreamTimeoutException(String message) {
      super(message);
    }
  }

  private static final Object END = new Object();

  private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
  private final long idleNanos;
  private final long deadlineNanos;
  private final Runnable onClose;
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
  private ByteBuffer current;
  private boolean ended;
  private volatile boolean closed;

  UpstreamBody(long idleNanos, long deadlineNanos, Runnable onClose) {
    this.idleNanos = idleNanos;
    this.deadlineNanos = deadlineNanos;
    this.onClose = onClose;
  }

  // The subscriber side: called by the JDK client's threads.

  @Override
  public CompletionStage<UpstreamBody> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    chunks.add(item);
  }

  @Override
  public void onError(Throwable throwable) {
    chunks.add(throwable);
  }

  @Override
  public void onComplete() {
    chunks.add(END);
  }

  // The stream side: called by the one thread that reads the answer.

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("The upstream answer was closed");
    }
    if (length == 0) {
      return 0;
    }
    while (current == null || !current.hasRemaining()) {
      if (pending.hasNext()) {
        current = pending.next();
        continue;
      }
      if (ended) {
        return -1;
      }
      next();
    }
    int n = Math.min(length, current.remaining());
    current.get(buffer, offset, n);
    return n;
  }

  private void next() throws IOException {
    long now = System.nanoTime();
    long wait = Math.min(idleNanos, deadlineNanos - now);
    Object chunk;
    try {
      chunk = wait <= 0 ? chunks.poll() : chunks.poll(wait, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("Interrupted while waiting for the upstream answer", e);
    }
    if (chunk == null) {
      close();
      throw new UpstreamTimeoutException(
          System.nanoTime() >= deadlineNanos
              ? "The upstream answer took longer than the call may take"
              : "The upstream answer stalled for longer than the idle timeout");
    }
    if (chunk == END) {
      ended = true;
    } else if (chunk instanceof Throwable failure) {
      ended = true;
      throw failure instanceof IOException io ? io : new IOException(failure);
    } else {
      @SuppressWarnings("unchecked")
      List<ByteBuffer> buffers = (List<ByteBuffer>) chunk;
      pending = buffers.iterator();
      subscription.request(1);
    }
  }

  /** Reads the rest of the body, at most {@code limit} bytes (more is cut off), as UTF-8 text. */
  String readText(int limit) throws IOException {
    byte[] all = readNBytes(limit);
    return new String(all, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Reads the whole body, failing when it is larger than {@code limit} bytes. */
  byte[] readAllBounded(int limit) throws IOException {
    byte[] all = readNBytes(limit + 1);
    if (all.length > limit) {
      throw new IOException("The upstream answer is larger than " + limit + " bytes");
    }
    return all;
  }

  /** Abandons the answer: nothing more is read, and an unfinished upstream request is aborted. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null && !ended) {
      s.cancel();
    }
    chunks.clear();
    // Wakes a reader waiting on another thread (a shutdown breaking the call off): it fails now
    // instead of at the idle timeout.
    chunks.offer(new IOException("The upstream answer was closed"));
    onClose.run();
  }
}
