package io.openassist.conversation.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The parts of a message as the store holds them: the JSON text (UTF-8) they were written as, which
 * is also their wire form ({@link MessagePart#toJson(List)} wrote it), parsed into parts only when
 * something asks for them. An answer made of many messages writes their parts from the text as
 * read; parsing each message's parts only to write the same text again was a third of the time a
 * branch of 10,000 messages took.
 *
 * <p>Immutable, like every message's parts.
 */
public final class StoredParts extends AbstractList<MessagePart> implements RandomAccess {

  private final byte[] json;

  // Parsed on first use; two threads parsing at once build equal lists, either one is kept.
  private List<MessagePart> parts;

  public StoredParts(byte[] json) {
    this.json = json.clone();
  }

  /** The stored JSON text, UTF-8: an array of part objects. */
  public byte[] json() {
    return json.clone();
  }

  @Override
  public MessagePart get(int index) {
    return parts().get(index);
  }

  @Override
  public int size() {
    return parts().size();
  }

  private List<MessagePart> parts() {
    List<MessagePart> read = parts;
    if (read == null) {
      try (JsonReader reader =
          Jsonp.reader(
              new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8))) {
        read = MessagePart.fromStored(reader.readArray());
      }
      parts = read;
    }
    return read;
  }
}
