package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function the model may call: its name, what it does, and the JSON Schema of its arguments
 * ({@code parameters}, kept as the caller wrote it). {@code strict} asks vendors that support it to
 * follow the schema exactly.
 */
public record FunctionTool(String name, String description, JsonObject parameters, Boolean strict)
    implements Tool {

  public static final String TYPE = "function";

  /** OpenAI's rule for function names. */
  public static final String NAME_RULE = "[a-zA-Z0-9_-]{1,64}";

  private static final Pattern NAME = Pattern.compile(NAME_RULE);

  public FunctionTool {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Not a function name: " + name);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toJson() {
    JsonObjectBuilder function = Jsonp.objectBuilder().add("name", name);
    if (description != null) {
      function.add("description", description);
    }
    if (parameters != null) {
      function.add("parameters", parameters);
    }
    if (strict != null) {
      function.add("strict", strict);
    }
    return Jsonp.objectBuilder().add("type", TYPE).add(TYPE, function).build();
  }

  static FunctionTool fromJson(JsonObject function) {
    return new FunctionTool(
        function.getString("name"),
        function.containsKey("description") ? function.getString("description") : null,
        function.containsKey("parameters") ? function.getJsonObject("parameters") : null,
        function.containsKey("strict") ? function.getBoolean("strict") : null);
  }
}
