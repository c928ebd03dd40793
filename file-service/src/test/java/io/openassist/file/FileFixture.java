package io.openassist.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HttpApi;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.Tenant;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the file tests share: an organisation on the companion assistant-service with two assistants
 * — one its member may EDIT, one it may only VIEW — and multipart requests built by hand, as a
 * portal's HTTP client would send them (small ones in memory, large ones streamed).
 */
final class FileFixture {

  static final String BOUNDARY = "----openassist-test-boundary-7d1f";

  final HttpApi anonymous = new HttpApi();
  final HttpApi assistantService = AssistantServiceCompanion.api();
  final Tenant tenant;
  final String editable;
  final String viewable;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  FileFixture(String name) {
    tenant = Tenant.onboard(assistantService, name);
    editable = assistant(tenant.adminKey());
    viewable = assistant(tenant.adminKey());
    grant(editable, tenant.memberId(), "EDIT");
    grant(viewable, tenant.memberId(), "VIEW");
  }

  static void resetSchemas() {
    Tenant.resetAssistantSchema();
    TestDatabase.execute("TRUNCATE file.knowledge_file, file.file_settings CASCADE");
  }

  /** Where the test server's filesystem storage keeps bytes. */
  static Path storageRoot() {
    return Path.of(System.getProperty("it.wlp.home"))
        .resolve("usr/servers")
        .resolve(System.getProperty("it.server.name"))
        .resolve("files");
  }

  HttpApi member() {
    return anonymous.as(tenant.memberKey());
  }

  HttpApi admin() {
    return anonymous.as(tenant.adminKey());
  }

  String assistant(String adminKey) {
    return Tenant.createAssistant(
        assistantService,
        adminKey,
        "{\"model\": \"gpt-4o\", \"instructions\": \"Answer from the files.\","
            + " \"tools\": [{\"type\": \"file_search\"}]}");
  }

  void grant(String assistant, String userId, String permission) {
    tenant.grant(assistantService, assistant, userId, permission);
  }

  static String native_(String assistant) {
    return "/v1/assistants/" + assistant + "/files";
  }

  static String meinGpt(String assistant) {
    return "/api/assistant-files/v1/assistants/" + assistant + "/files";
  }

  /** One multipart part: a form field, or a file when it has a file name. */
  record Part(
      String field,
      String fileName,
      String contentType,
      Supplier<InputStream> content,
      long length) {

    static Part file(String name, String contentType, byte[] bytes) {
      return new Part(
          "file", name, contentType, () -> new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    static Part file(String name, byte[] bytes) {
      return file(name, "application/octet-stream", bytes);
    }

    static Part text(String field, String value) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      return new Part(
          field, null, null, () -> new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    /** A file of {@code length} bytes generated as it is sent (a repeating pattern). */
    static Part generated(String name, long length) {
      return new Part(
          "file", name, "application/octet-stream", () -> new PatternStream(length), length);
    }

    byte[] head() {
      StringBuilder h =
          new StringBuilder(
              "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"");
      if (fileName != null) {
        h.append("; filename=\"").append(fileName).append('"');
      }
      h.append("\r\n");
      if (contentType != null) {
        h.append("Content-Type: ").append(contentType).append("\r\n");
      }
      h.append("\r\n");
      return h.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  static final byte[] TAIL = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

  static long length(List<Part> parts) {
    long n = TAIL.length;
    for (Part p : parts) {
      n += p.head().length + p.length() + CRLF.length;
    }
    return n;
  }

  static InputStream body(List<Part> parts) {
    List<InputStream> streams = new ArrayList<>();
    for (Part p : parts) {
      streams.add(new java.io.ByteArrayInputStream(p.head()));
      streams.add(p.content().get());
      streams.add(new java.io.ByteArrayInputStream(CRLF));
    }
    streams.add(new java.io.ByteArrayInputStream(TAIL));
    return new SequenceInputStream(java.util.Collections.enumeration(streams));
  }

  /** Sends the parts with a Content-Length (or chunked, when {@code chunked}). */
  static ApiResponse send(
      String method, String path, String credential, boolean chunked, List<Part> parts) {
    return send(
        method, path, credential, chunked, "multipart/form-data; boundary=" + BOUNDARY, parts);
  }

  static ApiResponse send(
      String method,
      String path,
      String credential,
      boolean chunked,
      String contentType,
      List<Part> parts) {
    HttpRequest.BodyPublisher publisher =
        HttpRequest.BodyPublishers.ofInputStream(() -> body(parts));
    if (!chunked) {
      publisher = HttpRequest.BodyPublishers.fromPublisher(publisher, length(parts));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ServiceUnderTest.baseUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + credential)
            .method(method, publisher);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * POSTs {@code body} as it is, a multipart body the test made (whole or not), with the fixture's
   * boundary and a Content-Length of {@code length}.
   */
  static ApiResponse postRaw(
      String path, String credential, Supplier<InputStream> body, long length) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ServiceUnderTest.baseUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .header("Authorization", "Bearer " + credential)
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(body), length))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  ApiResponse upload(String credential, String path, String name, byte[] bytes) {
    return send("POST", path, credential, false, List.of(Part.file(name, bytes)));
  }

  /** Uploads a file with the member's key on the native path and answers its object. */
  JsonObject uploaded(String assistant, String name, byte[] bytes) {
    ApiResponse r = upload(tenant.memberKey(), native_(assistant), name, bytes);
    assertEquals(201, r.status(), r::toString);
    return r.json();
  }

  /** Downloads bytes with optional extra headers. */
  static HttpResponse<byte[]> download(String path, String credential, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ServiceUnderTest.baseUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + credential)
            .GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the file's processing ends (ready or failed) and answers its object. */
  JsonObject processed(String assistant, String fileId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ApiResponse r = member().get(native_(assistant) + "/" + fileId);
      assertEquals(200, r.status(), r::toString);
      String status = r.json().getString("processing_status");
      if (status.equals("ready") || status.equals("failed")) {
        return r.json();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fail("file " + fileId + " was not processed within 60 s");
  }

  /** The SHA-256 of the bytes, in hex: a file's checksum. */
  static String sha256(byte[] bytes) throws IOException {
    return sha256(new java.io.ByteArrayInputStream(bytes));
  }

  static String sha256(InputStream in) throws IOException {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  /** {@code length} bytes of a repeating pattern, made as they are read. */
  static final class PatternStream extends InputStream {
    private final long length;
    private long position;

    PatternStream(long length) {
      this.length = length;
    }

    static byte at(long position) {
      return (byte) (position * 31 + (position >>> 8));
    }

    @Override
    public int read() {
      return position < length ? at(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = at(position++);
      }
      return n;
    }
  }
}
