package io.openassist.file.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The parts of a {@code multipart/form-data} body (RFC 7578, RFC 2046 section 5.1) as they stream
 * in: each part's header block, then its content as a stream that ends at the next delimiter. The
 * content is searched for the delimiter ({@code CRLF--boundary}) with Boyer-Moore-Horspool, which
 * looks at about one byte in every delimiter-length of a file instead of every byte: the parser is
 * no longer what limits an upload's speed (commons-fileupload2's byte-by-byte scan ran at ~360 MB/s
 * here, under the 300 MB/s target once hashing and writing are added). Header blocks are handed
 * back as text for commons-fileupload2 to interpret (quoting, {@code filename*}).
 *
 * <p>A body that ends before its closing delimiter is {@link Incomplete}; one that breaks the
 * syntax (no CRLF after a delimiter, a header block over {@value #MAX_HEADER_BYTES} bytes) is
 * {@link Malformed}. Nothing is buffered beyond {@value #BUFFER} bytes.
 */
final class PartReader {

  static final int BUFFER = 64 * 1024;
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** The body ended inside a part (or before its first delimiter). */
  static final class Incomplete extends IOException {
    Incomplete() {
      super("The multipart body ended before its closing delimiter");
    }
  }

  /** The body is not multipart syntax. */
  static final class Malformed extends IOException {
    Malformed(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final byte[] delimiter;
  private final int[] shift = new int[256];
  private final byte[] buffer;
  private int pos;
  private int end;
  private boolean eof;
  private boolean started;
  private boolean finished;
  private Part current;

  PartReader(InputStream in, byte[] boundary) {
    this.in = in;
    byte[] prefix = "\r\n--".getBytes(StandardCharsets.US_ASCII);
    delimiter = new byte[prefix.length + boundary.length];
    System.arraycopy(prefix, 0, delimiter, 0, prefix.length);
    System.arraycopy(boundary, 0, delimiter, prefix.length, boundary.length);
    int m = delimiter.length;
    java.util.Arrays.fill(shift, m);
    for (int i = 0; i < m - 1; i++) {
      shift[delimiter[i] & 0xff] = m - 1 - i;
    }
    buffer = new byte[Math.max(BUFFER, 4 * m)];
  }

  /**
   * Moves to the next part and answers its header block (the lines and the empty line that ends
   * them), or null when the closing delimiter came. The rest of an unread part is skipped.
   */
  String nextPart() throws IOException {
    if (finished) {
      return null;
    }
    if (!started) {
      started = true;
      // The first delimiter may open the body without a CRLF before it: read as if one came.
      buffer[0] = '\r';
      buffer[1] = '\n';
      end = 2;
      try {
        new Part().skipRest(); // the preamble
      } catch (Incomplete e) {
        // Not a cut-off upload: the body never holds the boundary the Content-Type names.
        throw new Malformed("The body holds no delimiter of the Content-Type's boundary");
      }
    } else if (current != null) {
      current.skipRest();
    }
    current = null;
    int a = next();
    int b = next();
    if (a == '-' && b == '-') {
      finished = true;
      return null;
    }
    while (a == ' ' || a == '\t') { // transport padding before the line break
      a = b;
      b = next();
    }
    if (a != '\r' || b != '\n') {
      throw new Malformed("A multipart delimiter is not followed by a line break");
    }
    ByteArrayOutputStream headers = new ByteArrayOutputStream(256);
    // The delimiter line's CRLF counts: a part without header lines starts with the empty line.
    int last4 = 0x0d0a;
    while (last4 != 0x0d0a0d0a) {
      int c = next();
      headers.write(c);
      last4 = (last4 << 8) | c;
      if (headers.size() > MAX_HEADER_BYTES) {
        throw new Malformed("A part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
    }
    current = new Part();
    return headers.toString(StandardCharsets.UTF_8);
  }

  /** The current part's content, ending where its delimiter begins. */
  InputStream content() {
    if (current == null) {
      throw new IllegalStateException("no current part");
    }
    return current;
  }

  private int next() throws IOException {
    if (pos == end && !fill()) {
      throw new Incomplete();
    }
    return buffer[pos++] & 0xff;
  }

  /** Keeps the unread bytes, reads more after them; false at the end of the body. */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    int n = in.read(buffer, end, buffer.length - end);
    if (n < 0) {
      eof = true;
      return false;
    }
    end += n;
    return true;
  }

  /** Where the delimiter starts in the buffered bytes, or -1 (Boyer-Moore-Horspool). */
  private int find() {
    int m = delimiter.length;
    int i = pos;
    while (i <= end - m) {
      int j = m - 1;
      while (j >= 0 && buffer[i + j] == delimiter[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
      i += shift[buffer[i + m - 1] & 0xff];
    }
    return -1;
  }

  /** One part's content. */
  private final class Part extends InputStream {
    private boolean done;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (done) {
        return -1;
      }
      if (length == 0) {
        return 0;
      }
      while (true) {
        int match = find();
        // Without a match, the last delimiter-length - 1 bytes may be the start of one.
        int safe = match >= 0 ? match : Math.max(pos, end - (delimiter.length - 1));
        if (safe > pos) {
          int n = Math.min(length, safe - pos);
          System.arraycopy(buffer, pos, into, offset, n);
          pos += n;
          return n;
        }
        if (match == pos) {
          pos += delimiter.length;
          done = true;
          return -1;
        }
        if (!fill()) {
          throw new Incomplete();
        }
      }
    }

    void skipRest() throws IOException {
      byte[] sink = new byte[8192];
      while (read(sink, 0, sink.length) >= 0) {
        // discard
      }
    }
  }
}
