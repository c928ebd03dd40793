package io.openassist.conversation.api;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.error.ProblemResponses;
import io.openassist.common.security.Caller;
import io.openassist.common.security.CallerContext;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.infrastructure.JdbcIdempotencyKeys;
import io.openassist.conversation.infrastructure.JdbcIdempotencyKeys.Claim;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on every POST, with the semantics of the IETF httpapi draft: the first
 * request with a key runs and its answer is kept ({@link JdbcIdempotencyKeys#KEPT}); a repeat with
 * the same key and the same request (method, path, body) gets that answer again, marked {@code
 * Idempotent-Replayed: true}; the same key with another request is a 422; a repeat while the first
 * is still running is a 409. Keys belong to one caller of one organisation. Every answer is kept,
 * errors included (as Stripe does): a 5xx may come after a write committed — a turn's user message
 * is stored before its run — so a repeat must not run again. The answer is recorded before its
 * first byte is sent, so a client that lost the connection and retries at once gets the replay, not
 * a 409; a streamed answer (server-sent events) is recorded as it was sent, when it ends, however
 * it ends.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter
    implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  public static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  @Inject CallerContext callers;
  @Inject JdbcIdempotencyKeys keys;
  @Inject ProblemResponses problems;

  /** The key a request claimed, and where its answer goes. */
  private record Claimed(String organizationId, String callerId, String key) {}

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    if (key == null || !"POST".equals(request.getMethod())) {
      return;
    }
    key = key.strip();
    if (key.startsWith("\"") && key.endsWith("\"") && key.length() > 2) {
      key = key.substring(1, key.length() - 1); // the draft's sf-string form
    }
    if (!KEY.matcher(key).matches()) {
      throw new InvalidRequestException(
          "invalid_idempotency_key",
          "Idempotency-Key must be 1 to 255 visible ASCII characters",
          List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    Caller caller = callers.caller();
    Claimed claimed = new Claimed(caller.organizationId(), caller.userId(), key);
    Claim claim =
        keys.claim(claimed.organizationId(), claimed.callerId(), key, hash(request, body));
    if (claim instanceof Claim.Completed done) {
      request.abortWith(
          Response.status(done.status())
              .type(done.contentType())
              .entity(done.body())
              .header(REPLAYED, "true")
              .build());
    } else if (claim instanceof Claim.Mismatch) {
      request.abortWith(
          problems.of(
              422,
              "idempotency_key_reused",
              "Idempotency key reused",
              "This Idempotency-Key was used for a different request"));
    } else if (claim instanceof Claim.InFlight) {
      request.abortWith(
          problems.of(
              409,
              "idempotency_key_in_use",
              "Request in progress",
              "A request with this Idempotency-Key is still being processed; retry later"));
    } else {
      request.setProperty(CLAIM, claimed);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object claimed = request.getProperty(CLAIM);
    if (!(claimed instanceof Claimed c)) {
      return;
    }
    int status = response.getStatus();
    request.setProperty(STATUS, status);
    if (!response.hasEntity()) {
      complete(c, status, null, null);
      request.removeProperty(CLAIM);
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    Object claimed = context.getProperty(CLAIM);
    if (!(claimed instanceof Claimed c)) {
      context.proceed();
      return;
    }
    MediaType type = context.getMediaType();
    String contentType = type == null ? null : type.toString();
    int status = context.getProperty(STATUS) instanceof Integer s ? s : 200;
    if (type != null && type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE)) {
      recordWhileStreaming(context, c, status, contentType);
      return;
    }
    OutputStream original = context.getOutputStream();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    context.setOutputStream(answer);
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      complete(c, 500, Problem.MEDIA_TYPE, lostAnswer().toString());
      throw e;
    }
    complete(c, status, contentType, answer.toString(StandardCharsets.UTF_8));
    answer.writeTo(original);
  }

  /** A stream is sent as it is made, and recorded when it ends, complete or cut off. */
  private void recordWhileStreaming(
      WriterInterceptorContext context, Claimed c, int status, String contentType)
      throws IOException {
    OutputStream original = context.getOutputStream();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    context.setOutputStream(
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            copy.write(b);
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            copy.write(b, off, len);
            original.write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            original.flush();
          }
        });
    try {
      context.proceed();
    } finally {
      complete(c, status, contentType, copy.toString(StandardCharsets.UTF_8));
    }
  }

  private void complete(Claimed c, int status, String contentType, String body) {
    keys.complete(c.organizationId(), c.callerId(), c.key(), status, contentType, body);
  }

  /** What a repeat gets when the first answer could not be made: the outcome is not known. */
  private JsonObject lostAnswer() {
    return Jsonp.objectBuilder()
        .add("type", Problem.typeFor("idempotent_answer_lost"))
        .add("title", "Answer lost")
        .add("status", 500)
        .add(
            "detail",
            "The first request with this Idempotency-Key ran but its answer could not be written;"
                + " read the resource to see what it stored")
        .add("code", "idempotent_answer_lost")
        .add("request_id", problems.requestId())
        .build();
  }

  static final String STATUS = IdempotencyFilter.class.getName() + ".status";

  private static String hash(ContainerRequestContext request, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) ' ');
      digest.update(
          request.getUriInfo().getRequestUri().getRawPath().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
