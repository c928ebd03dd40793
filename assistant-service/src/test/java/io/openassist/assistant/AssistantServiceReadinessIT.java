package io.openassist.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceReadinessContract;
import jakarta.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AssistantServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "assistant";
  }

  @Test
  void documentsTheAssistantBodyWithTheMembersItTakes() {
    JsonObject schemas =
        new HttpApi()
            .send("GET", "/openapi?format=JSON", null, null)
            .json()
            .getJsonObject("components")
            .getJsonObject("schemas");
    assertEquals(
        new TreeSet<>(
            Set.of(
                "model",
                "name",
                "description",
                "instructions",
                "tools",
                "tool_resources",
                "response_format",
                "temperature",
                "top_p",
                "metadata",
                "slug",
                "default_model",
                "available_models")),
        new TreeSet<>(
            schemas.getJsonObject("AssistantRequest").getJsonObject("properties").keySet()));
    assertEquals(
        Set.of("type", "function", "file_search"),
        schemas.getJsonObject("ToolRequest").getJsonObject("properties").keySet());
  }
}
