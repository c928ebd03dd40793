package io.openassist.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.testing.ServiceReadinessContract;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ConversationServiceReadinessIT extends ServiceReadinessContract {

  @Override
  protected String schema() {
    return "conversation";
  }

  /** The message list is written as it is read, so its shape is declared, not derived. */
  @Test
  void documentsTheMessageListAsAListOfMessages() {
    JsonObject document = api.send("GET", "/openapi?format=JSON", null, null).json();
    for (String path :
        java.util.List.of(
            "/v1/conversations/{conversation_id}/messages",
            "/v1/conversations/{conversation_id}/messages/{message_id}/children")) {
      JsonObject ok =
          document
              .getJsonObject("paths")
              .getJsonObject(path)
              .getJsonObject("get")
              .getJsonObject("responses")
              .getJsonObject("200");
      assertEquals(
          "#/components/schemas/MessageList",
          ok.getJsonObject("content")
              .getJsonObject("application/json")
              .getJsonObject("schema")
              .getString("$ref"),
          path + ": " + ok);
    }
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    JsonObject list = schemas.getJsonObject("MessageList").getJsonObject("properties");
    assertEquals(
        java.util.Set.of("object", "data", "first_id", "last_id", "has_more"),
        list.keySet(),
        list::toString);
    String item = list.getJsonObject("data").getJsonObject("items").getString("$ref");
    JsonObject message =
        schemas
            .getJsonObject(item.substring(item.lastIndexOf('/') + 1))
            .getJsonObject("properties");
    assertEquals(true, message.containsKey("sibling_count"), message::toString);
    assertEquals(true, message.containsKey("children_count"), message::toString);
  }
}
