package io.openassist.common.web;

import io.openassist.common.error.ApiException;
import io.openassist.common.web.json.JsonBodyInspector;
import io.openassist.common.web.json.JsonShape;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every JSON request body passes {@link JsonBodyInspector} before JSON-B binds it: encoding,
 * nesting depth, storable text and the JSON type of each member, each failure a 400 naming the
 * field. The body is read whole first, which {@link BodySizeFilter} bounds. An empty body reads as
 * no entity (so a resource can say a body is required); JSON that still does not bind becomes a 400
 * {@link BadRequestException} carrying its cause, which the problem mappers report as {@code
 * malformed_json}.
 */
@Provider
public class JsonBodyInterceptor implements ReaderInterceptor {

  @Inject RequestLimits limits;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!isJson(context.getMediaType()) || InputStream.class.isAssignableFrom(context.getType())) {
      return context.proceed();
    }
    try {
      byte[] body = context.getInputStream().readAllBytes();
      if (body.length == 0) {
        return null;
      }
      new JsonBodyInspector(limits.maxJsonDepth())
          .inspect(body, JsonShape.of(context.getGenericType()));
      context.setInputStream(new ByteArrayInputStream(body));
      return context.proceed();
    } catch (ApiException e) {
      // Carried through the runtime's entity reading as the cause of a WebApplicationException,
      // which the problem mappers unwrap.
      throw new WebApplicationException(e, e.status());
    } catch (JsonbException | JsonException e) {
      throw new BadRequestException("Unreadable request body", e);
    }
  }

  private static boolean isJson(MediaType type) {
    return type == null
        || (type.getType().equals("application")
            && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")));
  }
}
