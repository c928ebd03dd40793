package io.openassist.assistant.infrastructure.upstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent event stream (the WHATWG format every vendor streams in) one event at a time:
 * {@code event:} and {@code data:} fields up to a blank line, comments ignored, several {@code
 * data:} lines joined by newlines, any line ending. The vendor may cut its bytes anywhere.
 */
public final class SseReader {

  /** One event: its type ({@code message} when the stream names none) and its data. */
  public record Event(String type, String data) {}

  private static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

  private final BufferedReader lines;

  public SseReader(InputStream stream) {
    this.lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 8192);
  }

  /** The next event, or null at the end of the stream. */
  public Event next() throws IOException {
    String type = null;
    StringBuilder data = null;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(type == null ? "message" : type, data.toString());
        }
        type = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> type = value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
          if (data.length() > MAX_EVENT_CHARS) {
            throw new IOException(
                "A streamed event is larger than " + MAX_EVENT_CHARS + " characters");
          }
        }
        default -> {
          // id, retry and unknown fields mean nothing to a model stream.
        }
      }
    }
    return data == null ? null : new Event(type == null ? "message" : type, data.toString());
  }
}
