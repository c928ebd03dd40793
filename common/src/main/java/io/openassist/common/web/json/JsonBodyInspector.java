package io.openassist.common.web.json;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks a JSON request body before anything binds or stores it, in one streaming pass (no
 * recursion, so no depth can exhaust the stack):
 *
 * <ul>
 *   <li>the bytes are UTF-8 — a malformed sequence is refused, never replaced by U+FFFD;
 *   <li>nesting stays within the configured depth;
 *   <li>no string or member name holds text PostgreSQL cannot store or a caller did not mean: the
 *       NUL character, or an unpaired UTF-16 surrogate (which would be stored as {@code ?});
 *   <li>every member has the JSON type the target {@link JsonShape} demands, and a closed object (a
 *       request record) has no member it does not know.
 * </ul>
 *
 * Every failure names the field, as a path such as {@code tools[0].function.name}.
 */
public final class JsonBodyInspector {

  /** A body with type errors or unknown members: JSON the endpoint cannot read. */
  public static final String MALFORMED = "malformed_json";

  private static final int MAX_REPORTED = 20;
  private static final char REPLACEMENT = '\uFFFD';

  private final int maxDepth;

  public JsonBodyInspector(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /**
   * Checks the body against the shape; throws a 400 {@link InvalidRequestException} naming every
   * offending field ({@code validation_failed} for text that cannot be stored, {@code
   * malformed_json} for syntax, type and member errors, {@code nesting_too_deep}).
   */
  public void inspect(byte[] body, JsonShape shape) {
    List<Integer> malformedAt = new ArrayList<>();
    String text = decodeUtf8(body, malformedAt);
    new Pass(text, malformedAt, shape).run();
  }

  /** Decodes strictly, noting where each malformed sequence was (as a U+FFFD in the result). */
  static String decodeUtf8(byte[] body, List<Integer> malformedAt) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length + 1);
    while (true) {
      CoderResult result =
          in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
      if (result.isError()) {
        malformedAt.add(out.position());
        out.put(REPLACEMENT);
        in.position(in.position() + result.length());
      } else if (!in.hasRemaining() || result.isUnderflow()) {
        break;
      }
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** One frame of the document being walked: an object (with its current member) or an array. */
  private static final class Frame {
    final boolean object;
    final JsonShape shape;
    final String path;
    String member;
    int index;

    Frame(boolean object, JsonShape shape, String path) {
      this.object = object;
      this.shape = shape;
      this.path = path;
    }

    String childPath() {
      if (object) {
        return path.isEmpty() ? member : path + "." + member;
      }
      return path + "[" + index + "]";
    }
  }

  private final class Pass {
    private final String text;
    private final List<Integer> malformedAt;
    private final JsonShape root;
    private final List<FieldError> typeErrors = new ArrayList<>();
    private final List<FieldError> textErrors = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private long tokenStart;

    Pass(String text, List<Integer> malformedAt, JsonShape root) {
      this.text = text;
      this.malformedAt = malformedAt;
      this.root = root;
    }

    void run() {
      try (JsonParser parser = Jsonp.parser(new StringReader(text))) {
        while (parser.hasNext()) {
          JsonParser.Event event = parser.next();
          long tokenEnd = parser.getLocation().getStreamOffset();
          switch (event) {
            case START_OBJECT, START_ARRAY -> open(event == JsonParser.Event.START_OBJECT);
            case END_OBJECT, END_ARRAY -> {
              frames.pop();
              advance();
            }
            case KEY_NAME -> member(parser.getString(), tokenEnd);
            case VALUE_STRING -> {
              JsonShape expected = expected();
              if (expected != null) {
                String path = currentPath();
                checkText(path, parser.getString(), tokenEnd, "");
                expect(expected, JsonShape.Kind.STRING, path);
              }
              advance();
            }
            case VALUE_NUMBER -> {
              JsonShape expected = expected();
              if (expected != null) {
                expect(
                    expected,
                    parser.isIntegralNumber() ? JsonShape.Kind.INTEGER : JsonShape.Kind.NUMBER,
                    currentPath());
              }
              advance();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
              JsonShape expected = expected();
              if (expected != null) {
                expect(expected, JsonShape.Kind.BOOLEAN, currentPath());
              }
              advance();
            }
            case VALUE_NULL -> advance();
          }
          tokenStart = tokenEnd;
        }
      } catch (JsonParsingException e) {
        if (!malformedAt.isEmpty()) {
          throw new InvalidRequestException(List.of(new FieldError("body", "is not valid UTF-8")));
        }
        throw e;
      }
      if (!typeErrors.isEmpty()) {
        List<FieldError> all = new ArrayList<>(typeErrors);
        all.addAll(textErrors);
        throw new InvalidRequestException(
            MALFORMED,
            "The request body has "
                + (all.size() == 1
                    ? "a member of the wrong type or unknown to this endpoint: "
                        + describe(all.get(0))
                    : all.size()
                        + " members of the wrong type or unknown to this endpoint; see errors"),
            cap(all));
      }
      if (!textErrors.isEmpty()) {
        throw new InvalidRequestException(cap(textErrors));
      }
    }

    private void open(boolean object) {
      if (frames.size() >= maxDepth) {
        throw new InvalidRequestException(
            "nesting_too_deep",
            "The request body nests objects and arrays deeper than " + maxDepth + " levels");
      }
      JsonShape expected = expected();
      String path = frames.isEmpty() ? "" : currentPath();
      if (expected != null) {
        expect(expected, object ? JsonShape.Kind.OBJECT : JsonShape.Kind.ARRAY, path);
        // A value of the wrong kind is reported once; its contents are not checked against a
        // shape they cannot have.
        if (expected.kind() != JsonShape.Kind.ANY
            && expected.kind() != (object ? JsonShape.Kind.OBJECT : JsonShape.Kind.ARRAY)) {
          expected = JsonShape.ANY;
        }
      }
      frames.push(new Frame(object, expected, path));
    }

    private void member(String name, long tokenEnd) {
      Frame frame = frames.peek();
      frame.member = name;
      String path = frame.childPath();
      checkText(path, name, tokenEnd, "member name ");
      if (frame.shape != null && frame.shape.member(name) == null) {
        report(typeErrors, path, "is not a member of this object");
      }
    }

    /** The shape the next value must have; null where nothing is expected (already reported). */
    private JsonShape expected() {
      Frame frame = frames.peek();
      if (frame == null) {
        return root;
      }
      if (frame.shape == null) {
        return null;
      }
      return frame.object ? frame.shape.member(frame.member) : frame.shape.element();
    }

    private String currentPath() {
      Frame frame = frames.peek();
      return frame == null ? "body" : frame.childPath();
    }

    private void advance() {
      Frame frame = frames.peek();
      if (frame != null && !frame.object) {
        frame.index++;
      }
    }

    private void expect(JsonShape shape, JsonShape.Kind actual, String path) {
      JsonShape.Kind wanted = shape.kind();
      boolean fits =
          wanted == JsonShape.Kind.ANY
              || wanted == actual
              || (wanted == JsonShape.Kind.NUMBER && actual == JsonShape.Kind.INTEGER);
      if (!fits) {
        report(typeErrors, path.isEmpty() ? "body" : path, "must be " + article(wanted));
      }
    }

    private void checkText(String path, String value, long tokenEnd, String what) {
      for (int at : malformedAt) {
        if (at >= tokenStart && at < tokenEnd) {
          report(textErrors, path, what + "is not valid UTF-8");
          return;
        }
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\u0000') {
          report(textErrors, path, what + "must not contain the NUL character (\\u0000)");
          return;
        }
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          report(textErrors, path, what + "must not contain an unpaired UTF-16 surrogate");
          return;
        }
      }
    }

    private void report(List<FieldError> errors, String path, String message) {
      if (typeErrors.size() + textErrors.size() < MAX_REPORTED) {
        errors.add(new FieldError(path, message));
      }
    }
  }

  private static List<FieldError> cap(List<FieldError> errors) {
    return errors.size() > MAX_REPORTED ? errors.subList(0, MAX_REPORTED) : errors;
  }

  private static String describe(FieldError error) {
    return error.field() + " " + error.message();
  }

  private static String article(JsonShape.Kind kind) {
    return switch (kind) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case INTEGER -> "an integer";
      case BOOLEAN -> "a boolean";
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case ANY -> "a JSON value";
    };
  }
}
