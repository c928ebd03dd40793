package io.openassist.common.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The wire conventions of the native API, in one place: snake_case members, explicit {@code null}
 * for unset optional members (as the OpenAI object shapes have them), and unknown members rejected
 * rather than silently dropped, so a misspelt field is a 400 and not a surprise later.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  /** Yasson's switch (Liberty's JSON-B provider) for rejecting members no property matches. */
  static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

  /** The API's JSON-B configuration, for the few places that write JSON outside Jakarta REST. */
  public static final Jsonb JSONB =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true)
              .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
