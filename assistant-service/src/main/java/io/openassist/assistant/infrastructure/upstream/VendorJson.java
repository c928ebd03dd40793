package io.openassist.assistant.infrastructure.upstream;

import io.openassist.assistant.domain.run.UpstreamException;
import io.openassist.assistant.domain.run.UpstreamException.Kind;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * Reading what vendors send, defensively: a member that is missing, null or of another type reads
 * as absent instead of throwing, and a body that is not a JSON object is a {@link Kind#FAILED}
 * upstream failure. Also the one place vendor error messages are made safe to pass on.
 */
public final class VendorJson {

  private static final int MESSAGE_LIMIT = 500;
  private static final Pattern SECRET =
      Pattern.compile("(?i)(sk-[a-z0-9_\\-]{6,}|sk_[a-z0-9_]{6,}|bearer\\s+\\S+|key[=:]\\s*\\S+)");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  private VendorJson() {}

  /** The vendor's body as a JSON object, or a FAILED upstream failure naming the provider. */
  public static JsonObject object(String body, String provider) {
    try (JsonReader reader = Jsonp.reader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
    } catch (JsonException | IllegalStateException e) {
      // reported below
    }
    throw malformed(provider);
  }

  /** The body as a JSON object, or null when it is not one (an error body may be anything). */
  public static JsonObject objectOrNull(String body) {
    try (JsonReader reader = Jsonp.reader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject object ? object : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  public static UpstreamException malformed(String provider) {
    return new UpstreamException(
        Kind.FAILED, "Provider '" + provider + "' answered with a body this gateway cannot read");
  }

  public static String string(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonString s ? s.getString() : null;
  }

  public static JsonObject object(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonObject o ? o : null;
  }

  public static JsonArray array(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonArray a ? a : null;
  }

  public static Long number(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonNumber n ? n.longValue() : null;
  }

  public static Integer integer(JsonObject object, String key) {
    return object != null && object.get(key) instanceof JsonNumber n ? n.intValue() : null;
  }

  public static long count(JsonObject object, String key) {
    Long n = number(object, key);
    return n == null ? 0 : n;
  }

  /**
   * A vendor's error message as our caller may see it: control characters and anything that looks
   * like a credential removed, cut to a readable length.
   */
  public static String sanitise(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String clean = CONTROL.matcher(message).replaceAll(" ");
    clean = SECRET.matcher(clean).replaceAll("[redacted]").strip();
    return clean.length() <= MESSAGE_LIMIT ? clean : clean.substring(0, MESSAGE_LIMIT) + "...";
  }
}
