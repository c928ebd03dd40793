package io.openassist.common.error.compat;

import io.openassist.common.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Rewrites the problem bodies of {@link MeinGptApi} resources into meinGPT's error shape, with the
 * statuses meinGPT documents: 400 for invalid input, 403 "not available" for an assistant the
 * caller cannot see (whether it exists or not: our 404), 500 for a failure on our side or upstream.
 * 401, 413, 415 and 429 (with its Retry-After) keep their status. The request id stays in the
 * {@code X-Request-Id} header.
 */
@Provider
public class MeinGptErrorFilter implements ContainerResponseFilter {

  /** Where meinGPT's paths live: every answer under it, matched to a method or not (405, 415). */
  static final String PREFIX = "api/";

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof Problem problem) || !meinGpt(request)) {
      return;
    }
    int status = response.getStatus();
    String message = problem.detail();
    if (status == 404 && message != null && message.startsWith("No assistant ")) {
      status = 403;
      message = "Assistant not available";
    } else if (status == 422) {
      status = 400;
    } else if (status >= 500) {
      status = 500;
    }
    response.setStatus(status);
    response.setEntity(MeinGptError.of(message), null, MediaType.APPLICATION_JSON_TYPE);
  }

  private boolean meinGpt(ContainerRequestContext request) {
    Class<?> matched = resource == null ? null : resource.getResourceClass();
    if (matched != null) {
      return matched.isAnnotationPresent(MeinGptApi.class);
    }
    String path = request.getUriInfo().getPath();
    return (path.startsWith("/") ? path.substring(1) : path).startsWith(PREFIX);
  }
}
