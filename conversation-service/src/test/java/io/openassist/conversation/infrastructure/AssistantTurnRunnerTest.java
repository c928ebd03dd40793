package io.openassist.conversation.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.openassist.assistant.client.RunReply;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.MessagePart;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A branch longer than a run takes is sent as its most recent messages that fit; a run's reply is
 * stored with the file passages it cited.
 */
class AssistantTurnRunnerTest {

  private static JsonObject message(String role, String content) {
    return Jsonp.objectBuilder().add("role", role).add("content", content).build();
  }

  private static List<JsonObject> chat(int n) {
    List<JsonObject> chat = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      chat.add(message(i % 2 == 0 ? "user" : "assistant", "m" + i));
    }
    return chat;
  }

  @Test
  void aBranchWithinTheLimitsIsSentWhole() {
    List<JsonObject> chat = chat(10);
    assertSame(chat, AssistantTurnRunner.recent(chat, 10, 10_000));
  }

  @Test
  void aLongBranchIsCutToItsMostRecentMessages() {
    List<JsonObject> chat = chat(100);
    List<JsonObject> sent = AssistantTurnRunner.recent(chat, 30, 1_000_000);
    assertEquals(30, sent.size());
    assertEquals("m70", sent.get(0).getString("content"));
    assertEquals("m99", sent.get(29).getString("content"));

    long lastTen = 0;
    for (int i = 90; i < 100; i++) {
      lastTen += chat.get(i).toString().length() + 1;
    }
    List<JsonObject> bySize = AssistantTurnRunner.recent(chat, 1_000, lastTen);
    assertEquals(10, bySize.size());
    assertEquals("m99", bySize.get(9).getString("content"));
  }

  @Test
  void theWindowNeverStartsWithAToolResultAndAlwaysHoldsTheLastMessage() {
    List<JsonObject> chat = chat(4);
    chat.add(message("tool", "result of a call that is cut off"));
    chat.add(message("tool", "another"));
    chat.add(message("user", "and now?"));
    List<JsonObject> sent = AssistantTurnRunner.recent(chat, 3, 1_000_000);
    assertEquals(List.of(message("user", "and now?")), sent);

    List<JsonObject> huge = List.of(message("user", "x".repeat(5_000)));
    assertEquals(huge, AssistantTurnRunner.recent(huge, 10, 100));
  }

  @Test
  void aReplyKeepsTheFilePassagesItsRunCitedAsParts() {
    RunReply reply =
        new RunReply(
            "run_1",
            "assistant.run",
            "Thirty days.",
            "gpt-4o",
            Jsonp.arrayBuilder()
                .add(Jsonp.objectBuilder().add("role", "assistant").add("content", "Thirty days."))
                .build(),
            null,
            List.of("handbook.md, passage 2: \"30 days of paid leave\""),
            Jsonp.arrayBuilder()
                .add(
                    Jsonp.objectBuilder()
                        .add("file_id", "file_a")
                        .add("file_name", "handbook.md")
                        .add("position", 2)
                        .add("start", 1200)
                        .add("end", 1420)
                        .add("score", 0.25)
                        .add("text", "30 days of paid leave"))
                .build(),
            "stop",
            1L);
    assertEquals(
        List.of(
            new MessagePart.Text("Thirty days."),
            new MessagePart.FileCitation(
                "file_a", "handbook.md", 2L, 1200L, 1420L, 0.25, "30 days of paid leave")),
        AssistantTurnRunner.parts(reply));
  }
}
