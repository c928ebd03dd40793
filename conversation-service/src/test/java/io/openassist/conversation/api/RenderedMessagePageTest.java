package io.openassist.conversation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openassist.common.paging.ListResponse;
import io.openassist.common.paging.Page;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.MessageRole;
import io.openassist.conversation.domain.MessageStatus;
import io.openassist.conversation.domain.StoredParts;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A page of messages is written exactly as JSON-B writes the same messages as {@link
 * MessageResponse}s, whether their parts were built or read from the store as text.
 */
class RenderedMessagePageTest {

  /** Every character below 0x80, a few above, and a pair of surrogates: the escaping at stake. */
  private static final String AWKWARD;

  static {
    StringBuilder text = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      text.append(c);
    }
    AWKWARD = text.append("\u007f\u0080ü\u07ff\u0800\u2028€\uffff😀 Grüße").toString();
  }

  private static final JsonObject USAGE =
      Jsonp.objectBuilder()
          .add("prompt_tokens", 12)
          .add("completion_tokens", 5)
          .add("total_tokens", 17)
          .build();
  private static final JsonObject ERROR =
      Jsonp.objectBuilder()
          .add("code", "upstream_error")
          .add("status", 502)
          .add("message", AWKWARD)
          .build();

  private static final List<MessagePart> PARTS =
      List.of(
          new MessagePart.Text(AWKWARD),
          new MessagePart.Reasoning("because"),
          new MessagePart.ToolCall("call_1", "lookup", "{\"q\": \"x\"}"),
          new MessagePart.ToolResult("call_1", "found"),
          new MessagePart.FileCitation("file_1", "a \"b\".txt", 3L, 10L, 20L, 0.25, "passage"));

  private static Message.Placed placed(int i, List<MessagePart> parts) {
    boolean failed = i % 5 == 4;
    return new Message.Placed(
        new Message(
            i,
            "msg_" + i,
            "conv_1",
            i == 0 ? null : "msg_" + (i - 1),
            "msg_0",
            i,
            i % 3,
            i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT,
            parts,
            i % 2 == 0 ? null : "openai/gpt-4o " + AWKWARD,
            failed ? MessageStatus.FAILED : MessageStatus.COMPLETED,
            failed ? ERROR : null,
            i % 2 == 1 && !failed ? USAGE : null,
            Instant.ofEpochSecond(1_700_000_000L + i, 123_456_000),
            i == 7 ? null : "user_" + i,
            i == 7 ? null : "ab".repeat(32)),
        1 + i % 3,
        i == 2_999 ? 0 : 1 + i % 4);
  }

  private static String written(RenderedMessagePage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    page.write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String rendered(List<Message.Placed> items, boolean hasMore) throws IOException {
    RenderedMessagePage page = new RenderedMessagePage();
    items.forEach(page::add);
    return written(page.finish(hasMore));
  }

  /** What a resource method returning a list of messages would declare. */
  public ListResponse<MessageResponse> declared() {
    return null;
  }

  private String jsonB(List<Message.Placed> items, boolean hasMore) throws Exception {
    Method declared = getClass().getMethod("declared");
    ListResponse<MessageResponse> list =
        ListResponse.of(new Page<>(items, hasMore).map(MessageResponse::from), MessageResponse::id);
    return JsonbConfiguration.JSONB.toJson(list, declared.getGenericReturnType());
  }

  private static List<Message.Placed> messages(int n, Function<Integer, List<MessagePart>> parts) {
    List<Message.Placed> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(placed(i, parts.apply(i)));
    }
    return items;
  }

  @Test
  void aPageIsWhatJsonBWritesAcrossManyChunks() throws Exception {
    // About 3 MB: dozens of 64 KiB chunks, messages and strings split across their ends.
    List<Message.Placed> items = messages(3_000, i -> PARTS.subList(0, 1 + i % PARTS.size()));
    assertEquals(jsonB(items, true), rendered(items, true));
    assertEquals(jsonB(items.subList(0, 1), false), rendered(items.subList(0, 1), false));
    assertEquals(jsonB(List.of(), false), rendered(List.of(), false));
  }

  @Test
  void storedPartsAreWrittenAsTheTextTheyWereStoredAsWithoutBeingParsed() throws Exception {
    // What the repository stores for each message, read back as the store's text.
    List<Message.Placed> built = messages(300, i -> PARTS.subList(0, 1 + i % PARTS.size()));
    List<Message.Placed> stored =
        messages(
            300,
            i ->
                new StoredParts(
                    MessagePart.toJson(PARTS.subList(0, 1 + i % PARTS.size()))
                        .toString()
                        .getBytes(StandardCharsets.UTF_8)));
    assertEquals(jsonB(built, false), rendered(stored, false));

    // Text the parts reader refuses (a member no part has) still goes out as stored: the page
    // never parsed it. Asking for the parts does parse it.
    String odd = "[{\"type\":\"text\",\"text\":\"hi\",\"extra\":true}]";
    StoredParts unread = new StoredParts(odd.getBytes(StandardCharsets.UTF_8));
    String page = rendered(List.of(placed(0, unread)), false);
    assertEquals(true, page.contains("\"parts\":" + odd + ","), page);
    assertThrows(RuntimeException.class, unread::size);
  }

  @Test
  void storedPartsReadAsTheSamePartsWhenAskedFor() {
    StoredParts stored =
        new StoredParts(MessagePart.toJson(PARTS).toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(PARTS, stored);
    assertEquals(PARTS.hashCode(), stored.hashCode());
    assertEquals(MessagePart.plainText(PARTS), MessagePart.plainText(stored));
    assertThrows(UnsupportedOperationException.class, () -> stored.add(PARTS.get(0)));
  }
}
