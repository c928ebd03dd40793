package io.openassist.file.infrastructure.storage;

import io.openassist.file.application.FileStorage;
import io.openassist.file.domain.StoredBytes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in a bucket of an S3-compatible store, under an optional key prefix. A file that fits in
 * one part buffer ({@value #PART_BYTES} bytes) is one PUT; a larger one is a multipart upload of
 * such parts, read from the stream one buffer at a time (so an upload of any size holds one buffer
 * of heap), completed only when the stream ended cleanly and aborted otherwise: an object appears
 * whole or not at all. Uploads a crash left open are aborted by {@link #abandonIncomplete}.
 */
public final class S3Storage implements FileStorage {

  static final int PART_BYTES = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3Storage(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix == null || prefix.isEmpty() ? "" : StorageKeys.checkedPrefix(prefix);
  }

  @Override
  public StoredBytes write(String key, InputStream content) throws IOException {
    String object = objectKey(key);
    DigestingInputStream digesting = new DigestingInputStream(content);
    byte[] buffer = new byte[PART_BYTES];
    int filled = fill(digesting, buffer);
    if (filled < PART_BYTES) {
      try {
        s3.putObject(
            b -> b.bucket(bucket).key(object).contentLength((long) filled),
            RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
      } catch (SdkException e) {
        throw new IOException("Could not store the file in bucket " + bucket, e);
      }
      return new StoredBytes(key, digesting.count(), digesting.checksum());
    }
    String uploadId;
    try {
      uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(object)).uploadId();
    } catch (SdkException e) {
      throw new IOException("Could not start storing the file in bucket " + bucket, e);
    }
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int size = filled;
      while (size > 0) {
        int number = parts.size() + 1;
        int length = size;
        String etag =
            s3.uploadPart(
                    b ->
                        b.bucket(bucket)
                            .key(object)
                            .uploadId(uploadId)
                            .partNumber(number)
                            .contentLength((long) length),
                    RequestBody.fromInputStream(
                        new ByteArrayInputStream(buffer, 0, length), length))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size = fill(digesting, buffer);
      }
      s3.completeMultipartUpload(
          b ->
              b.bucket(bucket)
                  .key(object)
                  .uploadId(uploadId)
                  .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    } catch (IOException | RuntimeException | Error e) {
      abort(object, uploadId, e);
      if (e instanceof SdkException) {
        throw new IOException("Could not store the file in bucket " + bucket, e);
      }
      throw e;
    }
    return new StoredBytes(key, digesting.count(), digesting.checksum());
  }

  private void abort(String object, String uploadId, Throwable cause) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(uploadId));
    } catch (SdkException e) {
      cause.addSuppressed(e); // the sweep aborts it later
    }
  }

  /** Reads until the buffer is full or the stream ends; how many bytes it holds. */
  private static int fill(InputStream in, byte[] buffer) throws IOException {
    int filled = 0;
    while (filled < buffer.length) {
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return filled;
  }

  @Override
  public InputStream read(String key, long offset, long length) throws IOException {
    if (length == 0) {
      return InputStream.nullInputStream();
    }
    try {
      return s3.getObject(
          b ->
              b.bucket(bucket)
                  .key(objectKey(key))
                  .range("bytes=" + offset + "-" + (offset + length - 1)));
    } catch (SdkException e) {
      throw new IOException("Could not read the file from bucket " + bucket, e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
    } catch (SdkException e) {
      throw new IOException("Could not delete the file from bucket " + bucket, e);
    }
  }

  @Override
  public Stream<StoredObject> list(String keyPrefix) throws IOException {
    String listed = prefix + StorageKeys.checkedPrefix(keyPrefix);
    try {
      return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(listed)).contents().stream()
          .map(
              (S3Object o) ->
                  new StoredObject(o.key().substring(prefix.length()), o.lastModified()));
    } catch (SdkException e) {
      throw new IOException("Could not list bucket " + bucket, e);
    }
  }

  @Override
  public int abandonIncomplete(Instant startedBefore) throws IOException {
    int aborted = 0;
    try {
      for (MultipartUpload upload :
          s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads()) {
        if (upload.initiated() != null && upload.initiated().isBefore(startedBefore)) {
          s3.abortMultipartUpload(
              b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
          aborted++;
        }
      }
    } catch (SdkException e) {
      throw new IOException("Could not list the open uploads of bucket " + bucket, e);
    }
    return aborted;
  }

  private String objectKey(String key) {
    return prefix + StorageKeys.checked(key);
  }
}
