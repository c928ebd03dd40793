package io.openassist.assistant.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;

/** Code execution in a sandbox of the vendor that serves the model; it has no settings. */
public record CodeInterpreterTool() implements Tool {

  public static final String TYPE = "code_interpreter";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toJson() {
    return Jsonp.objectBuilder().add("type", TYPE).build();
  }
}
