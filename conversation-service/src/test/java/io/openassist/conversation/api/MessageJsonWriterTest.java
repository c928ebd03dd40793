package io.openassist.conversation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.Page;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed message JSON is exactly what JSON-B writes for the same response objects. */
class MessageJsonWriterTest {

  private final MessageJsonWriter writer = new MessageJsonWriter();

  private static MessageResponse message(String id, String parent, JsonObject error) {
    JsonArray parts =
        Jsonp.arrayBuilder()
            .add(Jsonp.objectBuilder().add("type", "text").add("text", "Grüße \"quoted\" \n 😀"))
            .add(
                Jsonp.objectBuilder()
                    .add("type", "tool_call")
                    .add("id", "c1")
                    .add("name", "f")
                    .add("arguments", "{\"a\": 1}"))
            .build();
    JsonObject usage = Jsonp.objectBuilder().add("total_tokens", 17).build();
    return new MessageResponse(
        id,
        "conversation.message",
        "conv_1",
        parent,
        "assistant",
        parts,
        parent == null ? null : "gpt-4o",
        error == null ? "completed" : "failed",
        error,
        error == null ? usage : null,
        1,
        2,
        0,
        1_700_000_000L,
        "user_1",
        "ab".repeat(32));
  }

  private String written(Object entity, Type type) throws IOException {
    assertTrue(
        writer.isWriteable(
            entity.getClass(), type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.writeTo(
        entity,
        entity.getClass(),
        type,
        new Annotation[0],
        MediaType.APPLICATION_JSON_TYPE,
        null,
        out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What a resource method returning a list of messages declares. */
  public ListResponse<MessageResponse> declared() {
    return null;
  }

  @Test
  void aMessageAndAListAreWrittenExactlyAsJsonBWritesThem() throws Exception {
    MessageResponse root = message("msg_1", null, null);
    MessageResponse failed =
        message(
            "msg_2",
            "msg_1",
            Jsonp.objectBuilder().add("code", "upstream_error").add("status", 502).build());
    assertEquals(JsonbConfiguration.JSONB.toJson(root), written(root, MessageResponse.class));

    Method declared = getClass().getMethod("declared");
    ListResponse<MessageResponse> list =
        ListResponse.of(new Page<>(List.of(root, failed), true), MessageResponse::id);
    assertEquals(
        JsonbConfiguration.JSONB.toJson(list, declared.getGenericReturnType()),
        written(list, declared.getGenericReturnType()));
    ListResponse<MessageResponse> empty =
        ListResponse.of(new Page<>(List.<MessageResponse>of(), false), MessageResponse::id);
    assertEquals(
        JsonbConfiguration.JSONB.toJson(empty, declared.getGenericReturnType()),
        written(empty, declared.getGenericReturnType()));
  }

  @Test
  void aPageRenderedAsItIsReadIsTheSameListAcrossManyChunks() throws Exception {
    Method declared = getClass().getMethod("declared");
    List<Message.Placed> placed = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      placed.add(
          new Message.Placed(
              new Message(
                  i,
                  "msg_" + i,
                  "conv_1",
                  i == 0 ? null : "msg_" + (i - 1),
                  "msg_0",
                  i,
                  0,
                  i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
                  List.of(new MessagePart.Text("Message " + i + ", Grüße \"quoted\" 😀")),
                  null,
                  MessageStatus.COMPLETED,
                  null,
                  null,
                  Instant.ofEpochSecond(1_700_000_000L + i),
                  "user_1",
                  "ab".repeat(32)),
              1,
              i == 2_999 ? 0 : 1));
    }
    for (List<Message.Placed> items : List.of(placed, List.<Message.Placed>of())) {
      RenderedMessagePage rendered = new RenderedMessagePage();
      items.forEach(rendered::add);
      String json = written(rendered.finish(true), RenderedMessagePage.class);
      ListResponse<MessageResponse> list =
          ListResponse.of(new Page<>(items, true).map(MessageResponse::from), MessageResponse::id);
      assertEquals(JsonbConfiguration.JSONB.toJson(list, declared.getGenericReturnType()), json);
    }
  }

  @Test
  void otherListsAreLeftToJsonB() throws Exception {
    Type conversations = getClass().getDeclaredMethod("conversations").getGenericReturnType();
    assertFalse(
        writer.isWriteable(
            ListResponse.class, conversations, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
  }

  ListResponse<ConversationResponse> conversations() {
    return null;
  }
}
