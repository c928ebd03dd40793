package io.openassist.assistant.api.run;

import io.openassist.assistant.application.run.RunCommand;
import io.openassist.assistant.domain.run.ChatMessage;
import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import io.openassist.common.web.JsonbConfiguration;
import io.openassist.common.web.RequestBodies;
import io.openassist.common.web.RequestLimits;
import io.openassist.common.web.json.JsonBodyInspector;
import io.openassist.common.web.json.JsonShape;
import io.openassist.common.web.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.bind.JsonbException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A run sent as {@code multipart/form-data}, meinGPT's alternative: {@code messages} as a JSON
 * string (plus, optionally, {@code model} and {@code stream} as text fields), and files under
 * {@code files}. The fields are checked exactly as the JSON body is (storable text, JSON types,
 * depth, Bean Validation, field paths such as {@code messages[0].role}); text-like files (text/*,
 * JSON, Markdown, CSV, by type or by name) become context messages with their names, every other
 * type is refused with 415 until the file service can extract text.
 */
@ApplicationScoped
public class MultipartRunReader {

  static final String MESSAGES = "messages";
  static final String FILES = "files";
  private static final Set<String> TEXT_TYPES =
      Set.of(
          "application/json",
          "application/x-ndjson",
          "application/ld+json",
          "application/xml",
          "application/yaml",
          "application/x-yaml",
          "application/csv");
  private static final Set<String> TEXT_EXTENSIONS =
      Set.of(
          "txt",
          "md",
          "markdown",
          "csv",
          "tsv",
          "json",
          "jsonl",
          "ndjson",
          "xml",
          "yaml",
          "yml",
          "log",
          "html",
          "htm");

  @Inject RequestLimits limits;
  @Inject Validator validator;

  /** What the parts ask for. */
  record MultipartRun(RunCommand command, boolean stream) {}

  MultipartRun read(List<EntityPart> parts) {
    byte[] messages = null;
    String model = null;
    String stream = null;
    List<ChatMessage> files = new ArrayList<>();
    for (EntityPart part : parts) {
      switch (part.getName()) {
        case MESSAGES -> messages = bytes(part);
        case "model" -> model = text("model", bytes(part));
        case "stream" -> stream = text("stream", bytes(part)).trim();
        case FILES -> files.add(file("files[" + files.size() + "]", part));
        default ->
            throw new InvalidRequestException(
                List.of(
                    new FieldError(
                        part.getName(),
                        "is not a field of a run; send messages, model, stream and files")));
      }
    }
    if (messages == null) {
      throw new InvalidRequestException(
          List.of(new FieldError(MESSAGES, "is required: the chat as a JSON array of messages")));
    }
    if (stream != null && !stream.equals("true") && !stream.equals("false")) {
      throw new InvalidRequestException(List.of(new FieldError("stream", "must be true or false")));
    }
    RunRequest request = bind(messages, model, Boolean.parseBoolean(stream));
    return new MultipartRun(request.toCommand(files), request.streamed());
  }

  /** The fields as the run's JSON body, checked by the same rules and bound by the same JSON-B. */
  private RunRequest bind(byte[] messages, String model, boolean stream) {
    JsonBodyInspector inspector = new JsonBodyInspector(limits.maxJsonDepth());
    JsonObjectBuilder body = Jsonp.objectBuilder();
    try (JsonReader reader =
        Jsonp.reader(
            new InputStreamReader(new ByteArrayInputStream(messages), StandardCharsets.UTF_8))) {
      // Encoding, depth and storable text first, on the caller's own bytes.
      inspector.inspect(wrap(messages), JsonShape.of(RunRequest.class));
      body.add(MESSAGES, reader.readValue());
    } catch (JsonException e) {
      throw new InvalidRequestException(
          JsonBodyInspector.MALFORMED,
          "messages: not a JSON array of messages",
          List.of(new FieldError(MESSAGES, "must be a JSON array of messages")));
    }
    if (model != null) {
      body.add("model", model);
    }
    if (stream) {
      body.add("stream", true);
    }
    String json = body.build().toString();
    // The text fields pass the same checks (a NUL in model is refused, naming it).
    inspector.inspect(json.getBytes(StandardCharsets.UTF_8), JsonShape.of(RunRequest.class));
    try {
      RunRequest request = JsonbConfiguration.JSONB.fromJson(json, RunRequest.class);
      return RequestBodies.valid(validator, request);
    } catch (JsonbException e) {
      throw new InvalidRequestException(
          JsonBodyInspector.MALFORMED,
          "messages: not a JSON array of messages",
          List.of(new FieldError(MESSAGES, "must be a JSON array of messages")));
    }
  }

  /** {@code {"messages": <the caller's bytes>}}, so that the inspector names fields as sent. */
  private static byte[] wrap(byte[] messages) {
    byte[] head = "{\"messages\":".getBytes(StandardCharsets.US_ASCII);
    byte[] wrapped = new byte[head.length + messages.length + 1];
    System.arraycopy(head, 0, wrapped, 0, head.length);
    System.arraycopy(messages, 0, wrapped, head.length, messages.length);
    wrapped[wrapped.length - 1] = '}';
    return wrapped;
  }

  private ChatMessage file(String field, EntityPart part) {
    String name = part.getFileName().orElse(null);
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException(List.of(new FieldError(field, "needs a file name")));
    }
    MediaType type = part.getMediaType();
    if (!textLike(type, name)) {
      throw new UnsupportedFileTypeException(
          field,
          "'"
              + name
              + "' ("
              + type
              + ") is not a text file; a run takes text, JSON, Markdown and"
              + " CSV files until the file service extracts text from other types");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes(part)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new UnsupportedFileTypeException(field, "'" + name + "' is not UTF-8 text");
    }
    if (text.indexOf('\0') >= 0) {
      throw new UnsupportedFileTypeException(
          field, "'" + name + "' contains NUL characters: not text");
    }
    return ChatMessage.user("Attached file \"" + clean(name) + "\":\n\n" + text);
  }

  private static boolean textLike(MediaType type, String name) {
    if (type != null && !MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)) {
      String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
      return type.getType().equalsIgnoreCase("text") || TEXT_TYPES.contains(base);
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** The name as the model sees it: no path, no control characters or quotes. */
  private static String clean(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return base.replaceAll("[\\p{Cntrl}\"]", "_");
  }

  private static String text(String field, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException(List.of(new FieldError(field, "must be UTF-8 text")));
    }
  }

  private static byte[] bytes(EntityPart part) {
    try (InputStream in = part.getContent()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
