package io.openassist.file.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartReaderTest {

  private static final String BOUNDARY = "----b0undary-7d1f";

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] body(String preamble, byte[]... contents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ascii(preamble));
    int i = 0;
    for (byte[] content : contents) {
      out.write(ascii((i == 0 && preamble.isEmpty() ? "" : "\r\n") + "--" + BOUNDARY + "\r\n"));
      out.write(
          ascii("Content-Disposition: form-data; name=\"f" + i + "\"; filename=\"f.bin\"\r\n\r\n"));
      out.write(content);
      i++;
    }
    out.write(ascii("\r\n--" + BOUNDARY + "--\r\nepilogue"));
    return out.toByteArray();
  }

  /** A stream that hands out at most {@code chunk} bytes per read, like a network does. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static byte[] readAll(InputStream in, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[chunk];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void contentThatLooksLikeTheDelimiterIsKeptExactlyWhateverTheReadSizes() throws IOException {
    Random random = new Random(7);
    // Content full of near-delimiters: CRLF, "--", and the boundary itself without its CRLF.
    ByteArrayOutputStream tricky = new ByteArrayOutputStream();
    for (int i = 0; i < 20_000; i++) {
      switch (random.nextInt(5)) {
        case 0 ->
            tricky.write(
                ascii("\r\n--" + BOUNDARY.substring(0, random.nextInt(BOUNDARY.length()))));
        case 1 -> tricky.write(ascii("--" + BOUNDARY));
        case 2 -> tricky.write('\r');
        default -> {
          byte[] noise = new byte[random.nextInt(200)];
          random.nextBytes(noise);
          tricky.write(noise, 0, noise.length);
        }
      }
    }
    byte[] first = tricky.toByteArray();
    // A sender picks a boundary its content does not hold: break any delimiter the pieces made.
    byte[] delimiter = ascii("\r\n--" + BOUNDARY);
    for (int i = 0; i + delimiter.length <= first.length; i++) {
      if (java.util.Arrays.equals(first, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
        first[i + 1] = 'n';
      }
    }
    byte[] second = new byte[300_000];
    random.nextBytes(second);
    byte[] body = body("", first, second);
    for (int chunk : new int[] {1, 7, 64, 1000, 65_536, 1 << 20}) {
      PartReader reader = new PartReader(trickle(body, chunk), ascii(BOUNDARY));
      String headers = reader.nextPart();
      assertTrue(headers.contains("name=\"f0\""), headers);
      assertTrue(headers.endsWith("\r\n\r\n"));
      byte[] got = readAll(reader.content(), 4096);
      assertArrayEquals(first, got, "chunk " + chunk);
      assertTrue(reader.nextPart().contains("name=\"f1\""));
      assertArrayEquals(second, readAll(reader.content(), 1 + chunk % 9000), "chunk " + chunk);
      assertNull(reader.nextPart());
      assertNull(reader.nextPart());
    }
  }

  @Test
  void aPreambleAndAnUnreadPartAreSkipped() throws IOException {
    byte[] body = body("This is the preamble.\r\n", ascii("one"), ascii("two"));
    PartReader reader = new PartReader(new ByteArrayInputStream(body), ascii(BOUNDARY));
    reader.nextPart(); // "one" left unread
    assertTrue(reader.nextPart().contains("f1"));
    assertEquals("two", new String(reader.content().readAllBytes(), StandardCharsets.US_ASCII));
    assertNull(reader.nextPart());
  }

  @Test
  void transportPaddingAfterADelimiterIsAllowed() throws IOException {
    byte[] body =
        ascii(
            "--"
                + BOUNDARY
                + "  \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--"
                + BOUNDARY
                + "--");
    PartReader reader = new PartReader(new ByteArrayInputStream(body), ascii(BOUNDARY));
    reader.nextPart();
    assertEquals("x", new String(reader.content().readAllBytes(), StandardCharsets.US_ASCII));
    assertNull(reader.nextPart());
  }

  @Test
  void aBodyWithoutItsClosingDelimiterIsIncomplete() throws IOException {
    byte[] full = body("", new byte[100_000]);
    byte[] cut = java.util.Arrays.copyOf(full, 60_000);
    PartReader reader = new PartReader(new ByteArrayInputStream(cut), ascii(BOUNDARY));
    reader.nextPart();
    InputStream content = reader.content();
    assertThrows(PartReader.Incomplete.class, () -> readAll(content, 8192));
    PartReader noDelimiterAtAll =
        new PartReader(new ByteArrayInputStream(ascii("just text")), ascii(BOUNDARY));
    assertThrows(PartReader.Malformed.class, noDelimiterAtAll::nextPart);
  }

  @Test
  void aPartWithoutHeaderLinesIsAPartWithNoHeaders() throws IOException {
    byte[] body = ascii("--" + BOUNDARY + "\r\n\r\ncontent\r\n--" + BOUNDARY + "--");
    PartReader reader = new PartReader(new ByteArrayInputStream(body), ascii(BOUNDARY));
    assertEquals("\r\n", reader.nextPart());
    assertEquals("content", new String(reader.content().readAllBytes(), StandardCharsets.US_ASCII));
    assertNull(reader.nextPart());
  }

  @Test
  void brokenSyntaxIsMalformed() {
    byte[] noLineBreak = ascii("--" + BOUNDARY + "xx\r\n\r\n");
    assertThrows(
        PartReader.Malformed.class,
        () -> new PartReader(new ByteArrayInputStream(noLineBreak), ascii(BOUNDARY)).nextPart());
    byte[] endlessHeaders =
        ascii("--" + BOUNDARY + "\r\nX: " + "y".repeat(PartReader.MAX_HEADER_BYTES + 10));
    assertThrows(
        PartReader.Malformed.class,
        () -> new PartReader(new ByteArrayInputStream(endlessHeaders), ascii(BOUNDARY)).nextPart());
  }
}
