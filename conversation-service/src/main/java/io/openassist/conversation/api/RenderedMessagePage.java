package io.openassist.conversation.api;

import io.openassist.common.web.json.Jsonp;
import io.openassist.conversation.domain.Message;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of messages written to JSON as it is read: each message is rendered (by {@link
 * MessageJsonWriter}, the same JSON as every other message answer) the moment the reader hands it
 * over and then dropped. A branch of 10,000 messages lives as about 5 MB of bytes in 64 KiB chunks
 * until it is sent, instead of as some 150,000 small objects that every garbage collection during
 * the read had to copy and, at this size, promote, which made each long read end in a full
 * collection.
 */
final class RenderedMessagePage {

  private final Chunks chunks = new Chunks();
  private final JsonGenerator json = Jsonp.generator(chunks);
  private String firstId;
  private String lastId;

  RenderedMessagePage() {
    MessageJsonWriter.startList(json);
  }

  void add(Message.Placed placed) {
    MessageResponse message = MessageResponse.from(placed);
    if (firstId == null) {
      firstId = message.id();
    }
    lastId = message.id();
    MessageJsonWriter.write(json, message);
  }

  /** Ends the page; nothing may be added after. */
  RenderedMessagePage finish(boolean hasMore) {
    MessageJsonWriter.endList(json, firstId, lastId, hasMore);
    json.close();
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    chunks.writeTo(out);
  }

  /** Bytes in chunks of 64 KiB: growing never copies what was written. */
  private static final class Chunks extends OutputStream {

    private static final int CHUNK = 64 * 1024;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;

    @Override
    public void write(int b) {
      if (used == CHUNK) {
        next();
      }
      current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (used == CHUNK) {
          next();
        }
        int n = Math.min(len, CHUNK - used);
        System.arraycopy(b, off, current, used, n);
        used += n;
        off += n;
        len -= n;
      }
    }

    private void next() {
      full.add(current);
      current = new byte[CHUNK];
      used = 0;
    }

    void writeTo(OutputStream out) throws IOException {
      for (byte[] chunk : full) {
        out.write(chunk);
      }
      out.write(current, 0, used);
    }
  }
}
