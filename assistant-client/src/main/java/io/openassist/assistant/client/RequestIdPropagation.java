package io.openassist.assistant.client;

import io.openassist.common.web.RequestCorrelation;
import io.openassist.common.web.RequestIdFilter;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sends the current request's id along ({@code X-Request-Id}), so that one id finds a request's log
 * lines in every service it passed through.
 */
public class RequestIdPropagation implements ClientHeadersFactory {

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(outgoing);
    try {
      headers.putSingle(
          RequestIdFilter.HEADER, CDI.current().select(RequestCorrelation.class).get().requestId());
    } catch (ContextNotActiveException | IllegalStateException outsideARequest) {
      // no request to correlate with
    }
    return headers;
  }
}
