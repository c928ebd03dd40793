package io.openassist.common.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Tells a request body the API cannot read apart from a failure of ours. An empty body reads as no
 * entity (so a resource can say a body is required); JSON that does not parse or bind becomes a 400
 * {@link BadRequestException} carrying its cause, which the problem mappers report as {@code
 * malformed_json}. Failures while writing a response stay 500s.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
    int first = body.read();
    if (first == -1) {
      return null;
    }
    body.unread(first);
    context.setInputStream(body);
    try {
      return context.proceed();
    } catch (JsonbException | JsonException e) {
      throw new BadRequestException("Unreadable request body", e);
    }
  }
}
