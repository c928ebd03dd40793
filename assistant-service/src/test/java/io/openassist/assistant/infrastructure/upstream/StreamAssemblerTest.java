package io.openassist.assistant.infrastructure.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.assistant.domain.run.StreamListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamAssemblerTest {

  private final List<String> heard = new ArrayList<>();
  private final StreamAssembler assembler =
      new StreamAssembler(
          new StreamListener() {
            @Override
            public void text(String delta) {
              heard.add("text:" + delta);
            }

            @Override
            public void toolCall(int index, String id, String name, String argumentsDelta) {
              heard.add("call" + index + ":" + id + ":" + name + ":" + argumentsDelta);
            }
          });

  @Test
  void piecesWithoutAnIndexStartANewCallOnlyWithANewId() {
    assembler.toolCall(assembler.indexFor("call_a"), "call_a", "weather", "{\"city\":");
    assembler.toolCall(assembler.indexFor(null), null, null, "\"Bonn\"}");
    assembler.toolCall(assembler.indexFor("call_b"), "call_b", "time", "{}");

    ChatMessage message = assembler.message();
    assertEquals(2, message.toolCalls().size());
    assertEquals("{\"city\":\"Bonn\"}", message.toolCalls().get(0).arguments());
    assertEquals("call_b", message.toolCalls().get(1).id());
    assertEquals("call1:call_b:time:{}", heard.get(2));
  }

  @Test
  void aCallThatStreamedNoArgumentsHasAnEmptyObject() {
    assembler.toolCall(0, "toolu_1", "now", null);
    assertEquals("{}", assembler.message().toolCalls().get(0).arguments());
  }

  @Test
  void textIsPassedOnAndJoined() {
    assembler.text("Hel");
    assembler.text("");
    assembler.text("lo");
    assertEquals("Hello", assembler.message().content());
    assertEquals(List.of("text:Hel", "text:lo"), heard);
  }
}
