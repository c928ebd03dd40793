package io.openassist.file.infrastructure.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.file.application.TextExtractor.ExtractionFailed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** Tika's text extraction within its per-file time limit. */
class TikaFilesTest {

  private final TikaFiles tika = new TikaFiles();

  @BeforeEach
  void configure() {
    tika.maxTextChars = 20_000_000;
    tika.extractionTimeout = Duration.ofSeconds(1);
  }

  @Test
  void aFileWithinTheTimeLimitIsExtracted() throws Exception {
    InputStream file =
        new ByteArrayInputStream(
            "Hello there.\n\nA second paragraph.".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "Hello there.\n\nA second paragraph.", tika.extract(file, "text/plain", "hello.txt"));
  }

  @Test
  void aFileThatKeepsTheParserBusyPastTheTimeLimitFailsWithThatReason() {
    ExtractionFailed failed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () ->
                assertThrows(
                    ExtractionFailed.class,
                    () -> tika.extract(new EndlessText(), "text/plain", "endless.txt")));
    assertEquals("the text could not be extracted within 1 s", failed.getMessage());
  }

  @Test
  void textHandedOverAfterTheDeadlineEndsTheParse() {
    ParagraphText text = new ParagraphText(100, new ExtractionDeadline(Duration.ZERO));
    SAXException stopped =
        assertThrows(SAXException.class, () -> text.characters("late".toCharArray(), 0, 4));
    assertTrue(stopped.getMessage().startsWith("the text could not be extracted within"));
  }

  /** A text file that never ends and arrives slowly, as a stuck parser would see its input. */
  private static final class EndlessText extends InputStream {
    private static final byte[] LINE =
        "all work and no play makes a parser busy\n".getBytes(StandardCharsets.US_ASCII);
    private int position;

    @Override
    public int read() {
      return LINE[position++ % LINE.length];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
      int n = Math.min(length, 512);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }
  }
}
