package io.openassist.file.infrastructure.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openassist.file.domain.StoredBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 storage against a real S3-compatible server (S3Proxy over a directory, started here, with
 * AWS signature checks on): whole and ranged reads, multipart uploads of large files with their
 * checksum, and an upload cut off part-way leaving no object and no open upload behind.
 */
class S3StorageIT {

  private static final String BUCKET = "knowledge";
  private static TestS3 server;
  private static S3Client s3;
  private static S3Storage storage;

  @BeforeAll
  static void startS3() throws Exception {
    server = TestS3.start(0, "test-access", "test-secret", BUCKET);
    s3 = server.client();
    storage = new S3Storage(s3, BUCKET, "tenant-files/");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aSmallFileIsOnePutAndReadsBackWholeAndInRanges() throws Exception {
    byte[] bytes = "0123456789".getBytes();
    StoredBytes stored = storage.write("org_a/asst_a/file_small", new ByteArrayInputStream(bytes));
    assertEquals(10, stored.size());
    assertEquals(sha256(bytes), stored.checksum());
    try (InputStream in = storage.read("org_a/asst_a/file_small", 0, 10)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    try (InputStream in = storage.read("org_a/asst_a/file_small", 3, 4)) {
      assertArrayEquals("3456".getBytes(), in.readAllBytes());
    }
    // Under the configured prefix in the bucket.
    assertTrue(
        s3.listObjectsV2(b -> b.bucket(BUCKET)).contents().stream()
            .anyMatch(o -> o.key().equals("tenant-files/org_a/asst_a/file_small")));
  }

  @Test
  void aLargeFileIsAMultipartUploadWithItsChecksum() throws Exception {
    byte[] bytes = random(S3Storage.PART_BYTES * 2 + 12345);
    StoredBytes stored = storage.write("org_a/asst_a/file_large", new ByteArrayInputStream(bytes));
    assertEquals(bytes.length, stored.size());
    assertEquals(sha256(bytes), stored.checksum());
    try (InputStream in = storage.read("org_a/asst_a/file_large", 0, bytes.length)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    try (InputStream in = storage.read("org_a/asst_a/file_large", S3Storage.PART_BYTES - 2, 4)) {
      byte[] expected = new byte[4];
      System.arraycopy(bytes, S3Storage.PART_BYTES - 2, expected, 0, 4);
      assertArrayEquals(expected, in.readAllBytes(), "a range across two parts");
    }
    assertTrue(storage.list("org_a/").anyMatch(o -> o.key().equals("org_a/asst_a/file_large")));
    storage.delete("org_a/asst_a/file_large");
    assertTrue(storage.list("org_a/").noneMatch(o -> o.key().equals("org_a/asst_a/file_large")));
    storage.delete("org_a/asst_a/file_large"); // deleting again is not an error
  }

  @Test
  void anUploadCutOffPartWayLeavesNothing() throws Exception {
    byte[] head = random(S3Storage.PART_BYTES + 1000);
    InputStream cutOff =
        new java.io.SequenceInputStream(
            new ByteArrayInputStream(head),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("the caller went away");
              }
            });
    assertThrows(IOException.class, () -> storage.write("org_b/asst_b/file_cut", cutOff));
    assertEquals(List.of(), storage.list("org_b/").toList());
    assertEquals(0, s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size());
  }

  @Test
  void openUploadsACrashLeftAreAborted() throws Exception {
    s3.createMultipartUpload(b -> b.bucket(BUCKET).key("tenant-files/org_c/asst_c/file_crashed"));
    assertEquals(0, storage.abandonIncomplete(Instant.now().minusSeconds(3600)));
    assertTrue(storage.abandonIncomplete(Instant.now().plusSeconds(60)) >= 1);
    assertEquals(0, s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size());
  }

  @Test
  void keysThatAreNotTheServicesOwnAreRefused() {
    for (String key : List.of("../etc/passwd", "/abs", "a/../b", "a//b", "a b", "")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> storage.write(key, new ByteArrayInputStream(new byte[1])),
          key);
    }
  }
}
