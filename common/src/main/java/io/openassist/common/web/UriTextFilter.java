package io.openassist.common.web;

import io.openassist.common.error.InvalidRequestException;
import io.openassist.common.error.Problem.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses path segments and query parameters whose text PostgreSQL cannot store or the caller did
 * not mean: a percent-escape that is not UTF-8 (which the runtime would silently turn into U+FFFD),
 * or the NUL character. Each is a 400 naming the parameter, before any resource looks the value up.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class UriTextFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    List<FieldError> errors = new ArrayList<>();
    String rawPath = request.getUriInfo().getRequestUri().getRawPath();
    if (rawPath != null && !storable(rawPath, false)) {
      errors.add(new FieldError("path", "must be UTF-8 without NUL characters"));
    }
    String rawQuery = request.getUriInfo().getRequestUri().getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        if (!storable(pair, true)) {
          errors.add(
              new FieldError(
                  storable(name, true) ? decodeLeniently(name) : "query",
                  "must be UTF-8 without NUL characters"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** Whether the raw (percent-encoded) text decodes as UTF-8 and holds no NUL. */
  static boolean storable(String raw, boolean query) {
    byte[] bytes = percentDecode(raw, query);
    if (bytes == null) {
      return false;
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.indexOf('\u0000') < 0;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String decodeLeniently(String raw) {
    byte[] bytes = percentDecode(raw, true);
    return bytes == null ? raw : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The bytes a percent-encoded string stands for; null for a malformed escape. */
  private static byte[] percentDecode(String raw, boolean query) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+' && query) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toByteArray();
  }
}
