package io.openassist.conversation.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON text built in memory as UTF-8 in chunks of 64 KiB: growing never copies what was written,
 * and the text goes to a stream chunk by chunk. It has only the writes a list of messages needs:
 * punctuation and member names as constant bytes, strings (escaped exactly as Jakarta JSON
 * Processing's generator escapes them, so that the text is the same as JSON-B's), whole numbers,
 * and JSON text made elsewhere (stored parts), copied as it is. The caller keeps the structure
 * valid.
 */
final class JsonChunks {

  private static final int CHUNK = 64 * 1024;
  private static final byte[] NULL = ascii("null");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] HEX = ascii("0123456789abcdef");

  private final List<byte[]> full = new ArrayList<>();
  private byte[] current = new byte[CHUNK];
  private int used;

  /** Bytes of JSON text, as they are. */
  JsonChunks raw(byte[] bytes) {
    raw(bytes, 0, bytes.length);
    return this;
  }

  private void raw(byte[] bytes, int off, int len) {
    while (len > 0) {
      if (used == CHUNK) {
        next();
      }
      int n = Math.min(len, CHUNK - used);
      System.arraycopy(bytes, off, current, used, n);
      used += n;
      off += n;
      len -= n;
    }
  }

  /**
   * A JSON string, or {@code null}. Its UTF-8 bytes are copied whole unless a byte needs an escape
   * (a quote, a backslash, a control character: only ASCII does), which nearly no id, name or hash
   * has. (A lone surrogate, which is not text and which the API refuses, becomes {@code ?}.)
   */
  JsonChunks string(String s) {
    if (s == null) {
      return raw(NULL);
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    put('"');
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b >= 0 && (b < 0x20 || b == '"' || b == '\\')) {
        raw(bytes, from, i - from);
        escape((char) b);
        from = i + 1;
      }
    }
    raw(bytes, from, bytes.length - from);
    put('"');
    return this;
  }

  JsonChunks number(long value) {
    if (value >= 0 && value < 10) {
      put('0' + (int) value);
      return this;
    }
    return raw(ascii(Long.toString(value)));
  }

  JsonChunks bool(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  /** The bytes of constant JSON text (punctuation, member names), which is ASCII. */
  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  JsonChunks nullValue() {
    return raw(NULL);
  }

  void writeTo(OutputStream out) throws IOException {
    for (byte[] chunk : full) {
      out.write(chunk);
    }
    out.write(current, 0, used);
  }

  private void escape(char c) {
    put('\\');
    switch (c) {
      case '"' -> put('"');
      case '\\' -> put('\\');
      case '\b' -> put('b');
      case '\f' -> put('f');
      case '\n' -> put('n');
      case '\r' -> put('r');
      case '\t' -> put('t');
      default -> {
        put('u');
        put('0');
        put('0');
        put(HEX[c >> 4]);
        put(HEX[c & 0xf]);
      }
    }
  }

  private void put(int b) {
    if (used == CHUNK) {
      next();
    }
    current[used++] = (byte) b;
  }

  private void next() {
    full.add(current);
    current = new byte[CHUNK];
    used = 0;
  }
}
