package io.openassist.common.web;

import io.openassist.common.error.PayloadTooLargeException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds every request body to its endpoint's size limit while it is read: a declared {@code
 * Content-Length} over the limit is refused at once, before a byte is read; a chunked body is
 * refused as soon as the bytes that arrived pass the limit. Either way the answer is a 413 problem
 * and no more of the body is read, so no caller can fill the heap. Runs after authentication, so an
 * anonymous caller learns nothing but 401.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class BodySizeFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Inject RequestLimits limits;

  @Override
  public void filter(ContainerRequestContext request) {
    long limit = limitFor(resource.getResourceMethod());
    if (request.getLength() > limit) {
      throw new PayloadTooLargeException(limit);
    }
    request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
  }

  private long limitFor(Method method) {
    BodyLimit declared = null;
    if (method != null) {
      declared = method.getAnnotation(BodyLimit.class);
      if (declared == null) {
        declared = method.getDeclaringClass().getAnnotation(BodyLimit.class);
      }
    }
    if (declared == null) {
      return limits.maxBodyBytes();
    }
    return ConfigProvider.getConfig()
            .getOptionalValue(declared.configKey(), Long.class)
            .orElse(declared.defaultBytes())
        + declared.allowanceBytes();
  }

  /** A body stream that fails with a 413 once more than {@code limit} bytes have been read. */
  static final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // Never ask for more than one byte past the limit: that byte is enough to know.
      int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit - read + 1));
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }
  }
}
