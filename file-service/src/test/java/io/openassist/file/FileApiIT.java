package io.openassist.file;

import static io.openassist.file.FileFixture.meinGpt;
import static io.openassist.file.FileFixture.native_;
import static io.openassist.file.FileFixture.sha256;
import static io.openassist.file.FileFixture.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.file.FileFixture.Part;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The files API on both paths: upload, list, metadata, download, replace and delete. */
@ExtendWith(AssistantServiceCompanion.class)
class FileApiIT {

  private FileFixture fx;

  @BeforeEach
  void anOrganisation() {
    FileFixture.resetSchemas();
    fx = new FileFixture("Files");
  }

  private static Path stored(JsonObject file, String organizationId) {
    return FileFixture.storageRoot()
        .resolve(organizationId)
        .resolve(file.getString("assistant_id"))
        .resolve(file.getString("id"));
  }

  @Test
  void anUploadIsStoredWithItsChecksumAndDetectedTypeAndCanBeReadBack() throws Exception {
    byte[] bytes = utf8("# Holidays\n\nEvery employee has 30 days of paid leave.\n");
    // The client calls it octet-stream; the bytes and the name say Markdown.
    JsonObject file = fx.uploaded(fx.editable, "Holiday policy.md", bytes);

    assertTrue(file.getString("id").startsWith("file_"));
    assertEquals("file", file.getString("object"));
    assertEquals(fx.editable, file.getString("assistant_id"));
    assertEquals("Holiday policy.md", file.getString("original_name"));
    assertEquals("text/markdown", file.getString("mime_type"));
    assertEquals(bytes.length, file.getInt("size"));
    assertEquals(sha256(bytes), file.getString("checksum"));
    assertEquals(fx.tenant.memberId(), file.getString("uploaded_by"));
    assertArrayEquals(bytes, Files.readAllBytes(stored(file, fx.tenant.organizationId())));
    assertEquals(
        1L,
        TestDatabase.count(
            "SELECT count(*) FROM file.knowledge_file WHERE id = ? AND checksum = ? AND size_bytes = ?",
            file.getString("id"),
            sha256(bytes),
            (long) bytes.length));

    String path = native_(fx.editable) + "/" + file.getString("id");
    ApiResponse got = fx.member().get(path);
    assertEquals(200, got.status(), got::toString);
    assertEquals(file.getString("checksum"), got.json().getString("checksum"));

    ApiResponse listed = fx.member().get(native_(fx.editable));
    assertEquals(200, listed.status(), listed::toString);
    assertEquals("list", listed.json().getString("object"));
    assertEquals(1, listed.json().getJsonArray("data").size());
    assertEquals(file.getString("id"), listed.json().getString("first_id"));

    HttpResponse<byte[]> content = FileFixture.download(path + "/content", fx.tenant.memberKey());
    assertEquals(200, content.statusCode());
    assertArrayEquals(bytes, content.body());
    assertEquals("\"" + sha256(bytes) + "\"", content.headers().firstValue("ETag").orElseThrow());
    assertTrue(
        content.headers().firstValue("Content-Type").orElseThrow().startsWith("text/markdown"));
    assertEquals(
        String.valueOf(bytes.length), content.headers().firstValue("Content-Length").orElseThrow());
  }

  @Test
  void downloadsHonourRangesAndTheEtag() throws Exception {
    byte[] bytes = utf8("0123456789abcdefghij");
    JsonObject file = fx.uploaded(fx.editable, "digits.txt", bytes);
    String content = native_(fx.editable) + "/" + file.getString("id") + "/content";

    HttpResponse<byte[]> range =
        FileFixture.download(content, fx.tenant.memberKey(), "Range", "bytes=2-5");
    assertEquals(206, range.statusCode());
    assertArrayEquals(utf8("2345"), range.body());
    assertEquals("bytes 2-5/20", range.headers().firstValue("Content-Range").orElseThrow());

    HttpResponse<byte[]> suffix =
        FileFixture.download(content, fx.tenant.memberKey(), "Range", "bytes=-3");
    assertEquals(206, suffix.statusCode());
    assertArrayEquals(utf8("hij"), suffix.body());

    HttpResponse<byte[]> open =
        FileFixture.download(content, fx.tenant.memberKey(), "Range", "bytes=15-");
    assertArrayEquals(utf8("fghij"), open.body());

    HttpResponse<byte[]> outside =
        FileFixture.download(content, fx.tenant.memberKey(), "Range", "bytes=20-30");
    assertEquals(416, outside.statusCode());
    assertEquals("bytes */20", outside.headers().firstValue("Content-Range").orElseThrow());
    assertTrue(
        outside
            .headers()
            .firstValue("Content-Type")
            .orElseThrow()
            .startsWith("application/problem+json"));

    HttpResponse<byte[]> cached =
        FileFixture.download(
            content, fx.tenant.memberKey(), "If-None-Match", "\"" + sha256(bytes) + "\"");
    assertEquals(304, cached.statusCode());
  }

  @Test
  void deleteRemovesBytesMetadataAndChunks() throws Exception {
    JsonObject file =
        fx.uploaded(fx.editable, "notes.txt", utf8("Some notes about the quarterly report."));
    fx.processed(fx.editable, file.getString("id"));
    assertTrue(
        TestDatabase.count(
                "SELECT count(*) FROM file.file_chunk WHERE file_id = ?", file.getString("id"))
            > 0);
    Path bytes = stored(file, fx.tenant.organizationId());
    assertTrue(Files.exists(bytes));

    ApiResponse deleted = fx.member().delete(native_(fx.editable) + "/" + file.getString("id"));
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(file.getString("id"), deleted.json().getString("id"));
    assertEquals("file.deleted", deleted.json().getString("object"));
    assertTrue(deleted.json().getBoolean("deleted"));

    assertFalse(Files.exists(bytes));
    assertEquals(
        0L,
        TestDatabase.count(
            "SELECT count(*) FROM file.knowledge_file WHERE id = ?", file.getString("id")));
    assertEquals(
        0L,
        TestDatabase.count(
            "SELECT count(*) FROM file.file_chunk WHERE file_id = ?", file.getString("id")));
    assertEquals(
        0L,
        TestDatabase.count(
            "SELECT count(*) FROM file.file_text WHERE file_id = ?", file.getString("id")));
    assertEquals(404, fx.member().get(native_(fx.editable) + "/" + file.getString("id")).status());
  }

  @Test
  void theMeinGptPathsAnswerInTheSeedsShapes() throws Exception {
    byte[] bytes = utf8("Version one of the handbook.");
    ApiResponse up = fx.upload(fx.tenant.memberKey(), meinGpt(fx.editable), "handbook.txt", bytes);
    assertEquals(200, up.status(), up::toString);
    JsonObject body = up.json();
    assertTrue(body.getBoolean("success"));
    assertEquals(fx.editable, body.getString("assistantId"));
    JsonObject file = body.getJsonObject("file");
    String id = file.getString("id");
    assertEquals("handbook.txt", file.getString("originalName"));
    assertEquals(bytes.length, file.getInt("size"));
    assertEquals("text/plain", file.getString("mimeType"));
    assertTrue(file.getString("uploadedAt").endsWith("Z"), file::toString);

    ApiResponse list = fx.member().get(meinGpt(fx.editable));
    assertEquals(200, list.status(), list::toString);
    assertEquals(1, list.json().getInt("count"));
    assertEquals(fx.editable, list.json().getString("assistantId"));
    JsonObject listed = list.json().getJsonArray("files").getJsonObject(0);
    assertEquals(
        List.of("id", "originalName", "mimeType", "size", "createdAt", "updatedAt", "checksum"),
        List.copyOf(listed.keySet()));
    assertEquals(sha256(bytes), listed.getString("checksum"));

    ApiResponse meta = fx.member().get(meinGpt(fx.editable) + "/" + id);
    assertEquals(200, meta.status(), meta::toString);
    assertTrue(meta.json().containsKey("processingStatus"));
    assertTrue(meta.json().containsKey("derivations"));
    assertEquals(fx.editable, meta.json().getString("assistantId"));

    byte[] second = utf8("Version two of the handbook.");
    ApiResponse replaced =
        FileFixture.send(
            "PUT",
            meinGpt(fx.editable) + "/" + id,
            fx.tenant.memberKey(),
            false,
            List.of(Part.file("handbook.txt", second)));
    assertEquals(200, replaced.status(), replaced::toString);
    String newId = replaced.json().getJsonObject("file").getString("id");
    assertNotEquals(id, newId);
    assertEquals(id, replaced.json().getString("replacedId"));
    assertEquals(id, replaced.json().getString("originalId"));
    assertTrue(replaced.json().getBoolean("success"));
    assertEquals(404, fx.member().get(meinGpt(fx.editable) + "/" + id).status());
    assertEquals(
        0L, TestDatabase.count("SELECT count(*) FROM file.knowledge_file WHERE id = ?", id));
    assertEquals(
        1L, TestDatabase.count("SELECT count(*) FROM file.knowledge_file WHERE id = ?", newId));

    ApiResponse deleted = fx.member().delete(meinGpt(fx.editable) + "/" + newId);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(
        List.of("success", "assistantId", "originalId"), List.copyOf(deleted.json().keySet()));
    assertEquals(newId, deleted.json().getString("originalId"));
    assertEquals(0, fx.member().get(meinGpt(fx.editable)).json().getInt("count"));
  }

  @Test
  void aReplacementThatFailsLeavesTheOldFileUntouched() throws Exception {
    byte[] bytes = utf8("The original.");
    JsonObject file = fx.uploaded(fx.editable, "original.txt", bytes);
    String path = native_(fx.editable) + "/" + file.getString("id");
    fx.processed(fx.editable, file.getString("id"));
    String before = TestDatabase.snapshotSchema("file");

    ApiResponse empty =
        FileFixture.send(
            "PUT", path, fx.tenant.memberKey(), false, List.of(Part.file("new.txt", new byte[0])));
    assertEquals(400, empty.status(), empty::toString);
    ApiResponse tooLarge =
        FileFixture.send(
            "PUT",
            path,
            fx.tenant.memberKey(),
            true,
            List.of(Part.generated("big.bin", 150L * 1024 * 1024 + 1)));
    assertEquals(413, tooLarge.status(), tooLarge::toString);

    assertEquals(before, TestDatabase.snapshotSchema("file"));
    HttpResponse<byte[]> content = FileFixture.download(path + "/content", fx.tenant.memberKey());
    assertArrayEquals(bytes, content.body());
    try (var objects = Files.walk(FileFixture.storageRoot().resolve(fx.tenant.organizationId()))) {
      assertEquals(1, objects.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void exactlyTheLimitIsAcceptedAndOneByteMoreRefused() throws Exception {
    long limit = 150L * 1024 * 1024;
    ApiResponse atLimit =
        FileFixture.send(
            "POST",
            native_(fx.editable),
            fx.tenant.memberKey(),
            false,
            List.of(Part.generated("exact.bin", limit)));
    assertEquals(201, atLimit.status(), atLimit::toString);
    assertEquals(limit, atLimit.json().getJsonNumber("size").longValue());
    byte[] expected = new byte[1 << 20];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = FileFixture.PatternStream.at(i);
    }
    HttpResponse<byte[]> head =
        FileFixture.download(
            native_(fx.editable) + "/" + atLimit.json().getString("id") + "/content",
            fx.tenant.memberKey(),
            "Range",
            "bytes=0-" + (expected.length - 1));
    assertArrayEquals(expected, head.body());
    assertEquals(
        "failed",
        fx.processed(fx.editable, atLimit.json().getString("id")).getString("processing_status"));

    String before = TestDatabase.snapshotSchema("file");
    for (boolean chunked : new boolean[] {false, true}) {
      ApiResponse over =
          FileFixture.send(
              "POST",
              native_(fx.editable),
              fx.tenant.memberKey(),
              chunked,
              List.of(Part.generated("over.bin", limit + 1)));
      assertEquals(413, over.status(), over::toString);
      assertEquals("payload_too_large", over.json().getString("code"));
    }
    assertEquals(before, TestDatabase.snapshotSchema("file"));
    try (var objects = Files.walk(FileFixture.storageRoot().resolve(fx.tenant.organizationId()))) {
      assertEquals(1, objects.filter(Files::isRegularFile).count());
    }
    try (var partials = Files.list(FileFixture.storageRoot().resolve(".incoming"))) {
      assertEquals(0, partials.count());
    }
  }

  @Test
  void listsPageWithCursors() {
    for (int i = 0; i < 3; i++) {
      fx.uploaded(fx.editable, "f" + i + ".txt", utf8("file " + i));
    }
    ApiResponse first = fx.member().get(native_(fx.editable) + "?limit=2&order=asc");
    assertEquals(2, first.json().getJsonArray("data").size());
    assertTrue(first.json().getBoolean("has_more"));
    ApiResponse rest =
        fx.member()
            .get(
                native_(fx.editable)
                    + "?limit=2&order=asc&after="
                    + first.json().getString("last_id"));
    assertEquals(1, rest.json().getJsonArray("data").size());
    assertFalse(rest.json().getBoolean("has_more"));
    assertEquals(
        "f2.txt", rest.json().getJsonArray("data").getJsonObject(0).getString("original_name"));
  }

  @Test
  void organisationAdminsSwitchTheFilesApiOff() {
    fx.uploaded(fx.editable, "kept.txt", utf8("kept"));
    String settings = "/v1/organizations/" + fx.tenant.organizationId() + "/file-settings";
    assertEquals(403, fx.member().patch(settings, "{\"files_enabled\": false}").status());
    ApiResponse off = fx.admin().patch(settings, "{\"files_enabled\": false}");
    assertEquals(200, off.status(), off::toString);
    assertFalse(off.json().getBoolean("files_enabled"));

    ApiResponse nativeList = fx.member().get(native_(fx.editable));
    assertEquals(403, nativeList.status(), nativeList::toString);
    assertTrue(nativeList.json().getString("detail").contains("not enabled"), nativeList::toString);
    ApiResponse meinGptList = fx.member().get(meinGpt(fx.editable));
    assertEquals(403, meinGptList.status());
    assertEquals("error", meinGptList.json().getString("status"));
    assertTrue(meinGptList.json().getString("message").contains("not enabled"));
    assertEquals(
        403, fx.upload(fx.tenant.memberKey(), native_(fx.editable), "x.txt", utf8("x")).status());
    assertEquals(1L, TestDatabase.count("SELECT count(*) FROM file.knowledge_file"));

    assertEquals(200, fx.admin().patch(settings, "{\"files_enabled\": true}").status());
    assertEquals(200, fx.member().get(native_(fx.editable)).status());
    assertTrue(fx.member().get(settings).json().getBoolean("files_enabled"));
  }

  @Test
  void bytesNoRowNamesAreSweptAndStoredFilesAreNot() throws Exception {
    JsonObject file = fx.uploaded(fx.editable, "kept.txt", utf8("kept"));
    Path orphan =
        FileFixture.storageRoot()
            .resolve(fx.tenant.organizationId())
            .resolve(fx.editable)
            .resolve("file_orphan");
    Files.write(orphan, utf8("left behind by a crash"));
    Path fresh = orphan.resolveSibling("file_fresh");
    Files.write(fresh, utf8("an upload about to commit"));
    Path kept = stored(file, fx.tenant.organizationId());
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200));
    Files.setLastModifiedTime(orphan, old);
    Files.setLastModifiedTime(kept, old);

    long deadline = System.nanoTime() + 20_000_000_000L;
    while (Files.exists(orphan) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertFalse(Files.exists(orphan), "the orphan was swept");
    assertTrue(Files.exists(kept), "a file's bytes stay");
    assertTrue(Files.exists(fresh), "bytes younger than the grace period stay");
    Files.delete(fresh);
    assertArrayEquals(utf8("kept"), Arrays.copyOf(Files.readAllBytes(kept), 4));
  }
}
