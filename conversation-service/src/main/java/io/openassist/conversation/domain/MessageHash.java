package io.openassist.conversation.domain;

import io.openassist.common.web.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * The tamper evidence of a message: SHA-256 over its parent's hash and its own canonical form, in
 * lower-case hex. The canonical form (documented in docs/decisions/0006-conversation-store.md) is
 * one JSON object without whitespace, members sorted by name at every level, numbers as plain
 * decimals without trailing zeros, of: {@code conversation_id, created_at} (ISO-8601 UTC with
 * microseconds), {@code created_by, error, id, model_id, parent_hash, parent_message_id, parts,
 * role, status, usage} (absent values as {@code null}). A root's parent hash is the empty string.
 * Changing any byte of any of these, or moving a message to another parent, changes the hash of the
 * message and of every message after it on its branch.
 */
public final class MessageHash {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private MessageHash() {}

  public static String of(String parentHash, Message m) {
    JsonObject canonical =
        Jsonp.objectBuilder()
            .add("conversation_id", m.conversationId())
            .add("created_at", time(m.createdAt()))
            .add("created_by", m.createdBy())
            .add("error", orNull(m.error()))
            .add("id", m.id())
            .add("model_id", m.modelId() == null ? JsonValue.NULL : Jsonp.value(m.modelId()))
            .add("parent_hash", parentHash == null ? "" : parentHash)
            .add(
                "parent_message_id",
                m.parentId() == null ? JsonValue.NULL : Jsonp.value(m.parentId()))
            .add("parts", MessagePart.toJson(m.parts()))
            .add("role", m.role().wire())
            .add("status", m.status().wire())
            .add("usage", orNull(m.usage()))
            .build();
    StringBuilder text = new StringBuilder();
    write(canonical, text);
    return sha256(text.toString());
  }

  /** A time as the canonical form writes it: ISO-8601 in UTC with microseconds. */
  public static String time(java.time.Instant instant) {
    return TIME.format(instant);
  }

  private static JsonValue orNull(JsonValue value) {
    return value == null ? JsonValue.NULL : value;
  }

  private static void write(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (var entry : new TreeMap<>((JsonObject) value).entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          out.append(Jsonp.value(entry.getKey()));
          out.append(':');
          write(entry.getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(array.get(i), out);
        }
        out.append(']');
      }
      case NUMBER -> {
        BigDecimal number = ((JsonNumber) value).bigDecimalValue().stripTrailingZeros();
        out.append(number.signum() == 0 ? "0" : number.toPlainString());
      }
      case STRING -> out.append((JsonString) value);
      default -> out.append(value);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
