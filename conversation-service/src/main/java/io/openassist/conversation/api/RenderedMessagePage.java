package io.openassist.conversation.api;

import static io.openassist.conversation.api.JsonChunks.ascii;

import io.openassist.conversation.domain.Message;
import io.openassist.conversation.domain.MessagePart;
import io.openassist.conversation.domain.StoredParts;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A page of messages, the list response every message list answers ({@code object: "list"}, {@code
 * data}, {@code first_id}, {@code last_id}, {@code has_more}), written as JSON as it is read: each
 * message the moment the reader hands it over, then dropped. The JSON is exactly what JSON-B writes
 * for the same messages as {@link MessageResponse}s (members in its order, nulls written), without
 * reflection over each of a branch's up to 10,000 messages; a message's parts are copied from their
 * stored JSON text ({@link StoredParts}) rather than parsed and written again. A branch of 10,000
 * messages lives as about 5 MB of bytes until it is sent, instead of as some 150,000 small objects
 * that every garbage collection during the read had to copy.
 */
final class RenderedMessagePage implements StreamingOutput {

  private static final byte[] START = ascii("{\"object\":\"list\",\"data\":[");
  private static final byte[] ID = ascii("{\"id\":");
  private static final byte[] OBJECT =
      ascii(",\"object\":\"conversation.message\",\"conversation_id\":");
  private static final byte[] PARENT = ascii(",\"parent_message_id\":");
  private static final byte[] ROLE = ascii(",\"role\":");
  private static final byte[] PARTS = ascii(",\"parts\":");
  private static final byte[] MODEL = ascii(",\"model_id\":");
  private static final byte[] STATUS = ascii(",\"status\":");
  private static final byte[] ERROR = ascii(",\"error\":");
  private static final byte[] USAGE = ascii(",\"usage\":");
  private static final byte[] SIBLING_INDEX = ascii(",\"sibling_index\":");
  private static final byte[] SIBLING_COUNT = ascii(",\"sibling_count\":");
  private static final byte[] CHILDREN_COUNT = ascii(",\"children_count\":");
  private static final byte[] CREATED_AT = ascii(",\"created_at\":");
  private static final byte[] CREATED_BY = ascii(",\"created_by\":");
  private static final byte[] HASH = ascii(",\"hash\":");
  private static final byte[] END = ascii("}");
  private static final byte[] NEXT = ascii(",");
  private static final byte[] FIRST_ID = ascii("],\"first_id\":");
  private static final byte[] LAST_ID = ascii(",\"last_id\":");
  private static final byte[] HAS_MORE = ascii(",\"has_more\":");

  private final JsonChunks json = new JsonChunks();
  private String firstId;
  private String lastId;

  RenderedMessagePage() {
    json.raw(START);
  }

  void add(Message.Placed placed) {
    Message m = placed.message();
    if (firstId == null) {
      firstId = m.id();
    } else {
      json.raw(NEXT);
    }
    lastId = m.id();
    json.raw(ID).string(m.id());
    json.raw(OBJECT).string(m.conversationId());
    json.raw(PARENT).string(m.parentId());
    json.raw(ROLE).string(m.role().wire());
    json.raw(PARTS).raw(partsJson(m));
    json.raw(MODEL).string(m.modelId());
    json.raw(STATUS).string(m.status().wire());
    json.raw(ERROR);
    object(m.error());
    json.raw(USAGE);
    object(m.usage());
    json.raw(SIBLING_INDEX).number(m.siblingIndex());
    json.raw(SIBLING_COUNT).number(placed.siblingCount());
    json.raw(CHILDREN_COUNT).number(placed.childrenCount());
    json.raw(CREATED_AT).number(m.createdAt().getEpochSecond());
    json.raw(CREATED_BY).string(m.createdBy());
    json.raw(HASH).string(m.hash());
    json.raw(END);
  }

  /** Ends the page; nothing may be added after. */
  RenderedMessagePage finish(boolean hasMore) {
    json.raw(FIRST_ID).string(firstId);
    json.raw(LAST_ID).string(lastId);
    json.raw(HAS_MORE).bool(hasMore);
    json.raw(END);
    return this;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    json.writeTo(out);
  }

  private static byte[] partsJson(Message m) {
    return m.parts() instanceof StoredParts stored
        ? stored.json()
        : MessagePart.toJson(m.parts()).toString().getBytes(StandardCharsets.UTF_8);
  }

  private void object(JsonObject value) {
    if (value == null) {
      json.nullValue();
    } else {
      json.raw(value.toString().getBytes(StandardCharsets.UTF_8));
    }
  }
}
