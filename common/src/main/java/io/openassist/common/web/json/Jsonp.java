package io.openassist.common.web.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.OutputStream;
import java.io.Reader;

/**
 * Jakarta JSON Processing through one provider, looked up once. {@code Json.createObjectBuilder()}
 * and its siblings look the provider up again on every call (a {@code ServiceLoader} scan, class
 * loading through the server's class loaders), which on the request path cost more than building
 * the JSON itself.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder objectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  /** A builder that starts with the members of {@code object}. */
  public static JsonObjectBuilder objectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonString value(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonReader reader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonParser parser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  /** A generator writing UTF-8 to {@code out}; closing the generator closes {@code out}. */
  public static JsonGenerator generator(OutputStream out) {
    return PROVIDER.createGenerator(out);
  }
}
