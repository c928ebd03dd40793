package io.openassist.assistant.infrastructure.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseReaderTest {

  private static SseReader reader(String stream) {
    return new SseReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTypedAndUntypedEventsWithAnyLineEnding() throws IOException {
    SseReader events =
        reader(
            "event: ping\r\ndata: {}\r\n\r\n: a comment\ndata: one\ndata: two\n\ndata:[DONE]\n\n");
    assertEquals(new SseReader.Event("ping", "{}"), events.next());
    assertEquals(new SseReader.Event("message", "one\ntwo"), events.next());
    assertEquals(new SseReader.Event("message", "[DONE]"), events.next());
    assertNull(events.next());
  }

  @Test
  void anEventTypeWithoutDataIsForgottenAtTheBlankLine() throws IOException {
    SseReader events = reader("event: lonely\n\ndata: x\n\n");
    assertEquals(new SseReader.Event("message", "x"), events.next());
  }

  @Test
  void aLastEventWithoutItsBlankLineIsStillRead() throws IOException {
    assertEquals(new SseReader.Event("message", "tail"), reader("data: tail").next());
  }
}
