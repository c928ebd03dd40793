package io.openassist.conversation.api;

import io.openassist.common.paging.ListResponse;
import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Writes messages, and lists of them, straight to the response with a JSON-P generator: the same
 * JSON as JSON-B would write from {@link MessageResponse} (members in its order, nulls written),
 * without reflection over each of a branch's up to 10,000 messages or a copy of the whole body in
 * memory. A branch is the largest answer the service gives; this is its hot path.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class MessageJsonWriter implements MessageBodyWriter<Object> {

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    if (type == MessageResponse.class || type == RenderedMessagePage.class) {
      return true;
    }
    return type == ListResponse.class
        && genericType instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] == MessageResponse.class;
  }

  @Override
  public void writeTo(
      Object entity,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    if (entity instanceof RenderedMessagePage page) {
      page.writeTo(out);
      return;
    }
    // The generator closes what it writes to when it is closed; the container owns the stream.
    try (JsonGenerator json = Jsonp.generator(unclosable(out))) {
      if (entity instanceof MessageResponse message) {
        write(json, message);
      } else {
        ListResponse<?> list = (ListResponse<?>) entity;
        startList(json);
        for (Object item : (List<?>) list.data()) {
          write(json, (MessageResponse) item);
        }
        endList(json, list.firstId(), list.lastId(), list.hasMore());
      }
    }
  }

  /** A list response up to its first message: the members of {@code ListResponse} in order. */
  static void startList(JsonGenerator json) {
    json.writeStartObject().write("object", "list").writeStartArray("data");
  }

  /** A list response after its last message. */
  static void endList(JsonGenerator json, String firstId, String lastId, boolean hasMore) {
    json.writeEnd();
    string(json, "first_id", firstId);
    string(json, "last_id", lastId);
    json.write("has_more", hasMore).writeEnd();
  }

  static void write(JsonGenerator json, MessageResponse m) {
    json.writeStartObject().write("id", m.id()).write("object", m.object());
    string(json, "conversation_id", m.conversationId());
    string(json, "parent_message_id", m.parentMessageId());
    json.write("role", m.role()).write("parts", m.parts());
    string(json, "model_id", m.modelId());
    json.write("status", m.status());
    object(json, "error", m.error());
    object(json, "usage", m.usage());
    json.write("sibling_index", m.siblingIndex())
        .write("sibling_count", m.siblingCount())
        .write("children_count", m.childrenCount())
        .write("created_at", m.createdAt());
    string(json, "created_by", m.createdBy());
    string(json, "hash", m.hash());
    json.writeEnd();
  }

  private static void string(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }

  private static void object(JsonGenerator json, String name, JsonObject value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }

  private static OutputStream unclosable(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
