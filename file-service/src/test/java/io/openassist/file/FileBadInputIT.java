package io.openassist.file;

import static io.openassist.file.FileFixture.meinGpt;
import static io.openassist.file.FileFixture.native_;
import static io.openassist.file.FileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.file.FileFixture.Part;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.HostileInput;
import io.openassist.testing.HostileInput.BodyEndpoint;
import io.openassist.testing.ServiceUnderTest;
import io.openassist.testing.TestDatabase;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad upload and bad body is a 4xx in its path's own error shape, and nothing is stored: not
 * a row, not a byte.
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileBadInputIT {

  private FileFixture fx;
  private String existing;
  private String before;

  @BeforeEach
  void anAssistantWithOneFile() throws Exception {
    FileFixture.resetSchemas();
    fx = new FileFixture("Bad files");
    existing = fx.uploaded(fx.editable, "existing.txt", utf8("Existing content.")).getString("id");
    fx.processed(fx.editable, existing);
    before = TestDatabase.snapshotSchema("file");
  }

  private void nothingStored() throws Exception {
    assertEquals(before, TestDatabase.snapshotSchema("file"));
    try (var objects = Files.walk(FileFixture.storageRoot().resolve(fx.tenant.organizationId()))) {
      assertEquals(
          1, objects.filter(Files::isRegularFile).count(), "only the existing file's bytes");
    }
  }

  private ApiResponse post(String path, List<Part> parts) {
    return FileFixture.send("POST", path, fx.tenant.memberKey(), false, parts);
  }

  @Test
  void uploadsThatAreNotOneNamedFileAreRefusedOnBothPaths() throws Exception {
    List<List<Part>> bad =
        List.of(
            List.of(),
            List.of(Part.text("file", "not a file")),
            List.of(Part.text("purpose", "assistants")),
            List.of(Part.file("a.txt", utf8("one")), Part.file("b.txt", utf8("two"))),
            List.of(Part.file("empty.txt", new byte[0])),
            List.of(Part.file("../../etc/passwd", utf8("traversal"))),
            List.of(Part.file("..\\..\\boot.ini", utf8("traversal"))),
            List.of(Part.file("..", utf8("dots"))),
            List.of(Part.file("", utf8("no name"))),
            List.of(Part.file("bell\u0007.txt", utf8("control"))),
            List.of(Part.file("x".repeat(300) + ".txt", utf8("long name"))));
    for (List<Part> parts : bad) {
      ApiResponse nativeAnswer = post(native_(fx.editable), parts);
      JsonAssert.problem(nativeAnswer, 400);
      ApiResponse meinGptAnswer = post(meinGpt(fx.editable), parts);
      JsonAssert.meinGptError(meinGptAnswer, 400);
    }
    ApiResponse twice =
        post(
            native_(fx.editable),
            List.of(Part.file("a.txt", utf8("one")), Part.file("b.txt", utf8("two"))));
    assertTrue(twice.json().getString("detail").contains("twice"), twice::toString);
    nothingStored();
  }

  @Test
  void malformedAndMistypedBodiesAreRefused() throws Exception {
    ApiResponse noBoundary =
        FileFixture.send(
            "POST",
            native_(fx.editable),
            fx.tenant.memberKey(),
            false,
            "multipart/form-data",
            List.of(Part.file("a.txt", utf8("x"))));
    JsonAssert.problem(noBoundary, 400);
    ApiResponse json =
        FileFixture.send(
            "POST",
            native_(fx.editable),
            fx.tenant.memberKey(),
            false,
            "application/json",
            List.of(Part.file("a.txt", utf8("x"))));
    JsonAssert.problem(json, 415);
    ApiResponse meinGptJson =
        FileFixture.send(
            "POST",
            meinGpt(fx.editable),
            fx.tenant.memberKey(),
            false,
            "application/json",
            List.of(Part.file("a.txt", utf8("x"))));
    JsonAssert.meinGptError(meinGptJson, 415);
    JsonAssert.problem(
        fx.member().send("PATCH", native_(fx.editable) + "/" + existing, "{}", "application/json"),
        405);
    JsonAssert.meinGptError(
        fx.member().send("PATCH", meinGpt(fx.editable) + "/" + existing, "{}", "application/json"),
        405);
    nothingStored();
  }

  @Test
  void aBodyThatEndsInsideItsFilePartIsRefusedAndLeavesNothing() throws Exception {
    // Complete at the HTTP level (the declared length arrives), but the multipart body stops in
    // the middle of the file: no closing boundary.
    java.io.ByteArrayOutputStream cut = new java.io.ByteArrayOutputStream();
    Part part = Part.file("cut.txt", utf8("x".repeat(100_000)));
    cut.write(part.head());
    cut.write(utf8("y".repeat(50_000)));
    for (String path : List.of(native_(fx.editable), meinGpt(fx.editable))) {
      byte[] body = cut.toByteArray();
      ApiResponse response =
          FileFixture.postRaw(
              path,
              fx.tenant.memberKey(),
              () -> new java.io.ByteArrayInputStream(body),
              body.length);
      if (path.startsWith("/api/")) {
        JsonAssert.meinGptError(response, 400);
      } else {
        JsonAssert.problem(response, 400);
        assertEquals("upload_incomplete", response.json().getString("code"), response::toString);
      }
    }
    nothingStored();
  }

  @Test
  void uploadsNeedEditAndAnUnknownAssistantIsNotFound() throws Exception {
    HostileInput.assertProblem(
        post(native_(fx.viewable), List.of(Part.file("a.txt", utf8("x")))), 403, "forbidden");
    JsonAssert.meinGptError(
        post(meinGpt(fx.viewable), List.of(Part.file("a.txt", utf8("x")))), 403);
    HostileInput.assertProblem(
        fx.member().delete(native_(fx.viewable) + "/" + existing), 403, "forbidden");
    HostileInput.assertProblem(
        post(native_("asst_doesnotexist"), List.of(Part.file("a.txt", utf8("x")))),
        404,
        "not_found");
    ApiResponse unknown =
        post(meinGpt("asst_doesnotexist"), List.of(Part.file("a.txt", utf8("x"))));
    JsonAssert.meinGptError(unknown, 403);
    assertEquals("Assistant not available", unknown.json().getString("message"));
    HostileInput.assertProblem(
        fx.member().get(native_(fx.editable) + "/file_doesnotexist"), 404, "not_found");
    JsonAssert.meinGptError(fx.member().get(meinGpt(fx.editable) + "/file_doesnotexist"), 404);
    // Another assistant's file, addressed under this one.
    HostileInput.assertProblem(
        fx.member().get(native_(fx.viewable) + "/" + existing), 404, "not_found");
    nothingStored();
  }

  @Test
  void aClientThatLeavesMidUploadLeavesNothingAndIsNoServerError() throws Exception {
    String requestId = "req_cutoff_" + System.nanoTime();
    URI base = URI.create(ServiceUnderTest.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + native_(fx.editable)
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + fx.tenant.memberKey()
                  + "\r\nX-Request-Id: "
                  + requestId
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + FileFixture.BOUNDARY
                  + "\r\nContent-Length: 10000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(Part.file("cut.bin", new byte[1024]).head());
      out.write(new byte[500_000]);
      out.flush();
      Thread.sleep(300);
    } // the connection is cut 9.5 MB short
    Path log =
        Path.of(
            System.getProperty("it.wlp.home"),
            "usr",
            "servers",
            System.getProperty("it.server.name"),
            "logs",
            "messages.log");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
    String line = null;
    while (line == null && System.nanoTime() < deadline) {
      line =
          Files.readAllLines(log).stream()
              .filter(l -> l.contains(requestId))
              .findFirst()
              .orElse(null);
      Thread.sleep(100);
    }
    assertTrue(line != null, "the cut-off upload was not logged");
    assertTrue(line.contains("status=400") && line.contains("upload_incomplete"), line);
    nothingStored();
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
    URI base = URI.create(ServiceUnderTest.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + native_(fx.editable)
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + fx.tenant.memberKey()
                  + "\r\nContent-Type: multipart/form-data; boundary="
                  + FileFixture.BOUNDARY
                  + "\r\nContent-Length: 300000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(Part.file("big.bin", new byte[1024]).head());
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder read = new StringBuilder();
      byte[] buffer = new byte[4096];
      int n;
      while (!read.toString().contains("}") && (n = in.read(buffer)) > 0) {
        read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      String answer = read.toString();
      assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
      assertTrue(answer.contains("payload_too_large"), answer);
    }
    nothingStored();
  }

  @Test
  void hostileJsonBodiesAreRefused() throws Exception {
    BodyEndpoint search =
        new BodyEndpoint(
            "POST", native_(fx.editable) + "/search", "{\"query\": \"existing\"}", "query");
    HostileInput.refusesUnstorableText(fx.admin(), search);
    HostileInput.refusesBytesThatAreNotUtf8(fx.admin(), search);
    HostileInput.refusesWrongJsonTypes(fx.admin(), search);
    // The settings take one boolean: no text to refuse, but every other class.
    BodyEndpoint settings =
        new BodyEndpoint(
            "PATCH",
            "/v1/organizations/" + fx.tenant.organizationId() + "/file-settings",
            "{\"files_enabled\": true}",
            "files_enabled");
    for (String wrong : List.of("5", "\"yes\"", "[true]", "{\"on\": true}", "null")) {
      JsonAssert.problem(
          fx.admin().patch(settings.path(), "{\"files_enabled\": " + wrong + "}"), 400);
    }
    for (BodyEndpoint endpoint : List.of(search, settings)) {
      HostileInput.refusesDeepNesting(fx.admin(), endpoint);
      HostileInput.refusesOversizedBodies(
          ServiceUnderTest.baseUrl(), fx.tenant.adminKey(), endpoint);
    }
    JsonAssert.problem(fx.member().post(native_(fx.editable) + "/search", "{}"), 400);
    JsonAssert.problem(
        fx.member().post(native_(fx.editable) + "/search", "{\"query\": \"x\", \"limit\": 0}"),
        400);
    JsonAssert.problem(
        fx.member().post(native_(fx.editable) + "/search", "{\"query\": \"x\", \"limit\": 51}"),
        400);
    JsonAssert.problem(
        fx.admin()
            .patch(
                "/v1/organizations/" + fx.tenant.organizationId() + "/file-settings",
                "{\"files_enabled\": \"no\"}"),
        400);
    JsonAssert.problem(
        fx.admin()
            .patch("/v1/organizations/" + fx.tenant.organizationId() + "/file-settings", "{}"),
        400);
    HostileInput.refusesUnstorableQueryText(fx.member(), native_(fx.editable));
    HostileInput.answersContainerRefusalsAsProblems(fx.member(), native_(fx.editable) + "/");
    nothingStored();
  }
}
