package io.openassist.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounds every request body is held to, from MicroProfile Config: {@code
 * OPENASSIST_HTTP_MAX_BODY_BYTES} (default 1 MiB) for the size of a body, {@code
 * OPENASSIST_JSON_MAX_DEPTH} (default 64) for how deeply a JSON body may nest. An endpoint that
 * must take more (an upload) says so with {@link BodyLimit}.
 */
@ApplicationScoped
public class RequestLimits {

  @Inject
  @ConfigProperty(name = "openassist.http.max-body-bytes", defaultValue = "1048576")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "openassist.json.max-depth", defaultValue = "64")
  int maxJsonDepth;

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxJsonDepth() {
    return maxJsonDepth;
  }
}
