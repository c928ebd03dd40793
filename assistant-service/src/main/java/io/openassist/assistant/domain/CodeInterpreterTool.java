package io.openassist.assistant.domain;

import jakarta.json.Json;
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
    return Json.createObjectBuilder().add("type", TYPE).build();
  }
}
