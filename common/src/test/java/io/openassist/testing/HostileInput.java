package io.openassist.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The classes of hostile input every endpoint family must refuse with a 4xx problem (never a 5xx,
 * never HTML, never silently altered data): text PostgreSQL cannot store, members of the wrong JSON
 * type, deep nesting, oversized bodies (declared and chunked), and what the web container itself
 * refuses. Each service's bad-input suite runs these against each of its endpoint families and
 * checks that no row changed.
 */
public final class HostileInput {

  /** An endpoint that takes a JSON body, a valid body for it, and one of its string members. */
  public record BodyEndpoint(String method, String path, String validBody, String stringMember) {

    /** The valid body with the string member's value replaced by raw JSON text. */
    String withMember(String rawJsonValue) {
      JsonObject valid = parse(validBody);
      StringBuilder json = new StringBuilder("{");
      boolean replaced = false;
      for (String name : valid.keySet()) {
        if (json.length() > 1) {
          json.append(',');
        }
        json.append(Json.createValue(name)).append(':');
        if (name.equals(stringMember)) {
          json.append(rawJsonValue);
          replaced = true;
        } else {
          json.append(valid.get(name));
        }
      }
      if (!replaced) {
        json.append(json.length() > 1 ? "," : "")
            .append(Json.createValue(stringMember))
            .append(':')
            .append(rawJsonValue);
      }
      return json.append('}').toString();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private HostileInput() {}

  /** NUL and unpaired surrogates in a string member: 400 naming the member. */
  public static void refusesUnstorableText(HttpApi api, BodyEndpoint endpoint) {
    for (String value : List.of("\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"")) {
      ApiResponse response =
          api.send(
              endpoint.method(), endpoint.path(), endpoint.withMember(value), "application/json");
      assertNamesField(assertProblem(response, 400, "validation_failed"), endpoint.stringMember());
    }
  }

  /** Bytes that are not UTF-8 inside a string member: 400 naming the member, not U+FFFD stored. */
  public static void refusesBytesThatAreNotUtf8(HttpApi api, BodyEndpoint endpoint) {
    String body = endpoint.withMember("\"ab@@@cd\"");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int at = body.indexOf("@@@");
    bytes[at] = (byte) 0xED; // a UTF-16 surrogate encoded as if it were a character (CESU-8)
    bytes[at + 1] = (byte) 0xA0;
    bytes[at + 2] = (byte) 0x80;
    ApiResponse response = api.sendBytes(endpoint.method(), endpoint.path(), bytes);
    assertNamesField(assertProblem(response, 400, "validation_failed"), endpoint.stringMember());
    bytes[at] = (byte) 0xC3; // a lead byte without its continuation
    bytes[at + 1] = (byte) 'x';
    response = api.sendBytes(endpoint.method(), endpoint.path(), bytes);
    assertNamesField(assertProblem(response, 400, "validation_failed"), endpoint.stringMember());
  }

  /** A number, a boolean, an array and an object where a string belongs: 400, never coerced. */
  public static void refusesWrongJsonTypes(HttpApi api, BodyEndpoint endpoint) {
    for (String value : List.of("5", "true", "[\"x\"]", "{\"x\": 1}")) {
      ApiResponse response =
          api.send(
              endpoint.method(), endpoint.path(), endpoint.withMember(value), "application/json");
      assertNamesField(assertProblem(response, 400, "malformed_json"), endpoint.stringMember());
    }
  }

  /** Thousands of nested arrays: 400 {@code nesting_too_deep}, no stack overflow. */
  public static void refusesDeepNesting(HttpApi api, BodyEndpoint endpoint) {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    ApiResponse response =
        api.send(endpoint.method(), endpoint.path(), endpoint.withMember(deep), "application/json");
    assertProblem(response, 400, "nesting_too_deep");
  }

  /**
   * A body declared far over the limit (300 MB) is refused from its {@code Content-Length} after
   * only a little was sent, and a chunked one once the bytes pass the limit: 413 either way.
   */
  public static void refusesOversizedBodies(
      String baseUrl, String credential, BodyEndpoint endpoint) {
    RawResponse declared =
        RawResponse.exchange(
            baseUrl, endpoint, credential, "Content-Length: 300000000", 64 * 1024, false);
    assertRawProblem(declared, 413, "payload_too_large");
    RawResponse chunked =
        RawResponse.exchange(
            baseUrl, endpoint, credential, "Transfer-Encoding: chunked", 2 * 1024 * 1024, true);
    assertRawProblem(chunked, 413, "payload_too_large");
  }

  /** Query parameters that are not UTF-8 or hold NUL: 400 naming the parameter. */
  public static void refusesUnstorableQueryText(HttpApi api, String path) {
    String separator = path.contains("?") ? "&" : "?";
    for (String value : List.of("a%00b", "a%C3%28b", "%ED%A0%80")) {
      ApiResponse response = api.get(path + separator + "after=" + value);
      assertNamesField(assertProblem(response, 400, "validation_failed"), "after");
    }
  }

  /** What the web container refuses (an encoded slash in a path) is a problem too, not HTML. */
  public static void answersContainerRefusalsAsProblems(HttpApi api, String pathPrefix) {
    ApiResponse response = api.get(pathPrefix + "a%2Fb");
    assertProblem(response, 400, "bad_request");
  }

  /**
   * A problem body of this status and code, carrying the request id and nothing internal: the one
   * check every error answer of the native API must pass.
   */
  public static JsonObject assertProblem(ApiResponse response, int status, String code) {
    assertEquals(status, response.status(), response::toString);
    assertNotNull(response.contentType(), response::toString);
    assertTrue(response.contentType().startsWith("application/problem+json"), response::toString);
    JsonObject problem = response.json();
    assertEquals(status, problem.getInt("status"));
    assertEquals(code, problem.getString("code"), response::toString);
    assertEquals("urn:openassist:problem:" + code, problem.getString("type"));
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("detail").isBlank());
    assertEquals(response.header("X-Request-Id"), problem.getString("request_id"));
    assertFalse(response.body().contains("Exception"), "no internals: " + response.body());
    assertFalse(response.body().contains("at io."), "no stack trace: " + response.body());
    return problem;
  }

  private static void assertNamesField(JsonObject problem, String field) {
    assertNotNull(problem.getJsonArray("errors"), problem::toString);
    assertTrue(
        problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
            .anyMatch(error -> error.getString("field").equals(field)),
        () -> "expected the field " + field + " named in " + problem);
  }

  private static void assertRawProblem(RawResponse response, int status, String code) {
    assertEquals(status, response.status(), response::toString);
    assertTrue(response.contentType().startsWith("application/problem+json"), response::toString);
    assertEquals(code, parse(response.body()).getString("code"), response::toString);
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** One HTTP/1.1 exchange over a plain socket, for bodies no well-behaved client would send. */
  record RawResponse(int status, String contentType, String body) {

    static RawResponse exchange(
        String baseUrl,
        BodyEndpoint endpoint,
        String credential,
        String framingHeader,
        int bytesToSend,
        boolean chunked) {
      URI uri = URI.create(baseUrl);
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        String head =
            endpoint.method()
                + " "
                + endpoint.path()
                + " HTTP/1.1\r\nHost: "
                + uri.getHost()
                + "\r\nAuthorization: Bearer "
                + credential
                + "\r\nContent-Type: application/json\r\n"
                + framingHeader
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[16 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        chunk[0] = '[';
        try {
          for (int sent = 0; sent < bytesToSend; sent += chunk.length) {
            if (chunked) {
              out.write(
                  (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(chunk);
            if (chunked) {
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            chunk[0] = ' ';
          }
          out.flush();
        } catch (IOException refusedWhileSending) {
          // The server may answer and close before everything was sent: that is the point.
        }
        return read(socket.getInputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(endpoint + " failed", e);
      }
    }

    private static RawResponse read(InputStream in) throws IOException {
      ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        headBytes.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      if (status == 100) {
        return read(in);
      }
      String contentType = "";
      int length = -1;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          contentType = line.substring(13).trim();
        } else if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
      return new RawResponse(status, contentType, new String(body, StandardCharsets.UTF_8));
    }
  }
}
