package io.openassist.file.infrastructure.extraction;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.xml.sax.SAXException;

/**
 * How long one file's extraction may take, checked wherever a parser reads the file's bytes and
 * wherever it hands over text: a file that keeps the parser busy past it (a decompression bomb, a
 * pathological PDF) fails alone instead of holding a worker. A parser that neither reads nor writes
 * for the whole time is not stopped by it; the processing timeout then hands the file to another
 * attempt.
 */
final class ExtractionDeadline {

  private final Duration limit;
  private final long deadline;
  private volatile boolean passed;

  ExtractionDeadline(Duration limit) {
    this.limit = limit;
    this.deadline = System.nanoTime() + limit.toNanos();
  }

  /** Throws once the time is up; the SAX form, for content handlers. */
  void check() throws SAXException {
    if (expired()) {
      throw new SAXException(reason());
    }
  }

  /** Whether a check has found the time up (whatever the parser made of the exception it threw). */
  boolean passed() {
    return passed;
  }

  /** Why the extraction ended, for the file's {@code failed} status. */
  String reason() {
    return "the text could not be extracted within " + limit.toSeconds() + " s";
  }

  /** The file's bytes, each read checked against the deadline. */
  InputStream guard(InputStream content) {
    return new FilterInputStream(content) {
      @Override
      public int read() throws IOException {
        checkRead();
        return super.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        checkRead();
        return super.read(buffer, offset, length);
      }

      @Override
      public long skip(long n) throws IOException {
        checkRead();
        return super.skip(n);
      }
    };
  }

  private void checkRead() throws IOException {
    if (expired()) {
      throw new IOException(reason());
    }
  }

  private boolean expired() {
    if (!passed && System.nanoTime() - deadline > 0) {
      passed = true;
    }
    return passed;
  }
}
