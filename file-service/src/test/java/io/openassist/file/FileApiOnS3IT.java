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
import io.openassist.file.infrastructure.storage.TestS3;
import io.openassist.testing.ApiResponse;
import io.openassist.testing.AssistantServiceCompanion;
import io.openassist.testing.LibertyServers;
import io.openassist.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The files API end to end on S3-compatible storage. For this class, file-service's test server
 * gives way to a second server of the same WAR and configuration, on the same port, with {@code
 * openassist.files.storage=s3} against S3Proxy (AWS signatures checked) started here: uploads,
 * reads, ranges, processing, search, replace and delete on both paths go through Liberty to the
 * bucket, and nothing to the filesystem. (Two servers at once would share the processing queue and
 * take each other's files.)
 */
@ExtendWith(AssistantServiceCompanion.class)
class FileApiOnS3IT {

  private static final String SERVER = "file-service-s3-it";
  private static final String BUCKET = "knowledge-it";
  private static final String PREFIX = "tenants/";
  private static final int S3_PORT = 19094;

  private static TestS3 s3server;
  private static S3Client s3;
  private static Path serverDirectory;

  private FileFixture fx;

  @BeforeAll
  static void fileServiceOnS3() throws Exception {
    s3server = TestS3.start(S3_PORT, "it-s3-access", "it-s3-secret", BUCKET);
    s3 = s3server.client();

    int port = Integer.parseInt(System.getProperty("it.http.port"));
    serverDirectory =
        LibertyServers.createFrom(
            System.getProperty("it.server.name"),
            SERVER,
            port,
            Path.of(System.getProperty("it.war")));
    Files.writeString(
        serverDirectory.resolve("configDropins/overrides/s3-storage.xml"),
        """
        <server>
          <variable name="openassist.files.storage" value="s3"/>
          <variable name="openassist.files.s3.endpoint" value="http://127.0.0.1:%d"/>
          <variable name="openassist.files.s3.bucket" value="%s"/>
          <variable name="openassist.files.s3.prefix" value="tenants"/>
          <variable name="openassist.files.s3.access-key" value="it-s3-access"/>
          <variable name="openassist.files.s3.secret-key" value="it-s3-secret"/>
        </server>
        """
            .formatted(S3_PORT, BUCKET));
    // One server on the port at a time, and no work of one left for the other to claim.
    LibertyServers.stop(System.getProperty("it.server.name"));
    FileFixture.resetSchemas();
    LibertyServers.start(SERVER, port);
  }

  @AfterAll
  static void backToTheFilesystem() throws Exception {
    try {
      try {
        LibertyServers.stop(SERVER);
      } finally {
        FileFixture.resetSchemas();
        LibertyServers.start(
            System.getProperty("it.server.name"),
            Integer.parseInt(System.getProperty("it.http.port")));
      }
    } finally {
      if (s3server != null) {
        s3server.close();
      }
    }
  }

  @BeforeEach
  void anOrganisation() {
    FileFixture.resetSchemas();
    for (String key : keys()) {
      s3.deleteObject(b -> b.bucket(BUCKET).key(key));
    }
    fx = new FileFixture("Files on S3");
  }

  @Test
  void theNativePathStoresReadsProcessesReplacesAndDeletesInTheBucket() throws Exception {
    byte[] bytes = utf8("# Leave\n\nEvery employee has thirty days of paid leave a year.\n");
    JsonObject file = fx.uploaded(fx.editable, "Leave policy.md", bytes);
    String id = file.getString("id");
    assertEquals(sha256(bytes), file.getString("checksum"));
    assertArrayEquals(bytes, object(id), "the bytes are the bucket's object");
    assertFalse(Files.exists(serverDirectory.resolve("files")), "nothing on the filesystem");

    String path = native_(fx.editable) + "/" + id;
    HttpResponse<byte[]> whole = FileFixture.download(path + "/content", fx.tenant.memberKey());
    assertEquals(200, whole.statusCode());
    assertArrayEquals(bytes, whole.body());
    assertEquals("\"" + sha256(bytes) + "\"", whole.headers().firstValue("ETag").orElseThrow());
    HttpResponse<byte[]> range =
        FileFixture.download(path + "/content", fx.tenant.memberKey(), "Range", "bytes=2-6");
    assertEquals(206, range.statusCode());
    assertEquals("Leave", new String(range.body(), java.nio.charset.StandardCharsets.UTF_8));

    JsonObject done = fx.processed(fx.editable, id);
    assertEquals("ready", done.getString("processing_status"), done::toString);
    JsonArray hits = search("paid leave");
    assertEquals(id, hits.getJsonObject(0).getString("file_id"), hits::toString);

    byte[] second = utf8("Leave is now thirty-two days a year.");
    ApiResponse replaced =
        FileFixture.send(
            "PUT",
            path,
            fx.tenant.memberKey(),
            false,
            List.of(Part.file("Leave policy.md", second)));
    assertEquals(200, replaced.status(), replaced::toString);
    String newId = replaced.json().getJsonObject("file").getString("id");
    assertNotEquals(id, newId);
    assertEquals(List.of(key(newId)), keys(), "the replaced object is gone, the new one is there");
    assertArrayEquals(second, object(newId));

    ApiResponse deleted = fx.member().delete(native_(fx.editable) + "/" + newId);
    assertEquals(200, deleted.status(), deleted::toString);
    assertEquals(List.of(), keys());
    assertEquals(0L, TestDatabase.count("SELECT count(*) FROM file.knowledge_file"));
    assertEquals(0L, TestDatabase.count("SELECT count(*) FROM file.file_chunk"));
  }

  @Test
  void theMeinGptPathsWorkOnTheBucketToo() throws Exception {
    byte[] bytes = utf8("Version one of the handbook.");
    ApiResponse up = fx.upload(fx.tenant.memberKey(), meinGpt(fx.editable), "handbook.txt", bytes);
    assertEquals(200, up.status(), up::toString);
    String id = up.json().getJsonObject("file").getString("id");
    assertArrayEquals(bytes, object(id));

    ApiResponse list = fx.member().get(meinGpt(fx.editable));
    assertEquals(200, list.status(), list::toString);
    assertEquals(
        sha256(bytes), list.json().getJsonArray("files").getJsonObject(0).getString("checksum"));

    ApiResponse replaced =
        FileFixture.send(
            "PUT",
            meinGpt(fx.editable) + "/" + id,
            fx.tenant.memberKey(),
            false,
            List.of(Part.file("handbook.txt", utf8("Version two of the handbook."))));
    assertEquals(200, replaced.status(), replaced::toString);
    String newId = replaced.json().getJsonObject("file").getString("id");
    assertEquals(List.of(key(newId)), keys());

    ApiResponse deleted = fx.member().delete(meinGpt(fx.editable) + "/" + newId);
    assertEquals(200, deleted.status(), deleted::toString);
    assertTrue(deleted.json().getBoolean("success"));
    assertEquals(List.of(), keys());
  }

  @Test
  void aFileLargerThanOnePartIsStoredAsAMultipartUploadAndReadsBackWhole() throws Exception {
    long length = 20L * 1024 * 1024 + 17;
    ApiResponse up =
        FileFixture.send(
            "POST",
            native_(fx.editable),
            fx.tenant.memberKey(),
            true,
            List.of(Part.generated("large.bin", length)));
    assertEquals(201, up.status(), up::toString);
    String id = up.json().getString("id");
    String expected = sha256(new FileFixture.PatternStream(length));
    assertEquals(expected, up.json().getString("checksum"));
    assertEquals(length, s3.headObject(b -> b.bucket(BUCKET).key(key(id))).contentLength());

    HttpResponse<byte[]> whole =
        FileFixture.download(native_(fx.editable) + "/" + id + "/content", fx.tenant.memberKey());
    assertEquals(200, whole.statusCode());
    assertEquals(expected, sha256(new ByteArrayInputStream(whole.body())));
  }

  @Test
  void anUploadCutOffAfterItsFirstPartLeavesNoObjectAndNoOpenUpload() throws Exception {
    // More than one 8 MiB part of the file arrives, then the body ends without its boundary.
    Part part = Part.generated("cut.bin", 0);
    long sent = 12L * 1024 * 1024;
    byte[] head = part.head();
    ApiResponse response =
        FileFixture.postRaw(
            native_(fx.editable),
            fx.tenant.memberKey(),
            () ->
                new SequenceInputStream(
                    new ByteArrayInputStream(head), new FileFixture.PatternStream(sent)),
            head.length + sent);
    JsonAssert.problem(response, 400);
    assertEquals("upload_incomplete", response.json().getString("code"), response::toString);
    assertEquals(List.of(), keys());
    assertEquals(0, s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size());
    assertEquals(0L, TestDatabase.count("SELECT count(*) FROM file.knowledge_file"));
  }

  private JsonArray search(String query) {
    ApiResponse r =
        fx.member()
            .post(
                native_(fx.editable) + "/search",
                Json.createObjectBuilder().add("query", query).add("limit", 5).build().toString());
    assertEquals(200, r.status(), r::toString);
    return r.json().getJsonArray("data");
  }

  private String key(String fileId) {
    return PREFIX + fx.tenant.organizationId() + "/" + fx.editable + "/" + fileId;
  }

  private byte[] object(String fileId) {
    return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key(fileId))).asByteArray();
  }

  /** The bucket's objects (S3Proxy's filesystem store also lists its directories, as "x/"). */
  private static List<String> keys() {
    return s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
        .map(S3Object::key)
        .filter(key -> !key.endsWith("/"))
        .toList();
  }
}
