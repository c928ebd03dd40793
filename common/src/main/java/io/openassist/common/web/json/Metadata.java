package io.openassist.common.web.json;

import io.openassist.common.error.Problem.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code metadata} member, OpenAI's: at most 16 pairs, keys of 1 to 64 characters,
 * string values of at most 512. Stored and returned untouched; every object that carries metadata
 * (assistants, runs, conversations) checks it here.
 */
public final class Metadata {

  public static final int MAX_PAIRS = 16;
  public static final int MAX_KEY = 64;
  public static final int MAX_VALUE = 512;

  private Metadata() {}

  /** Every rule {@code metadata} (null: none given) breaks, each with its field. */
  public static List<FieldError> errors(JsonObject metadata) {
    List<FieldError> errors = new ArrayList<>();
    if (metadata == null) {
      return errors;
    }
    if (metadata.size() > MAX_PAIRS) {
      errors.add(new FieldError("metadata", "must have at most " + MAX_PAIRS + " key-value pairs"));
    }
    for (var entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key.isEmpty() || key.length() > MAX_KEY) {
        errors.add(
            new FieldError(
                "metadata", "keys must be 1 to " + MAX_KEY + " characters: '" + key + "'"));
      }
      if (!(entry.getValue() instanceof JsonString value)) {
        errors.add(new FieldError("metadata." + key, "must be a string"));
      } else if (value.getString().length() > MAX_VALUE) {
        errors.add(
            new FieldError("metadata." + key, "must be at most " + MAX_VALUE + " characters"));
      }
    }
    return errors;
  }
}
